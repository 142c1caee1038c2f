/**
 * The console's only script (served from /editor/console.js under `script-src 'self'`): keeps
 * the preview "So würde der Assistent jetzt antworten" current while the editor types, by
 * posting the form as the "Vorschau aktualisieren" button does and putting the returned
 * fragment (escaped server-side HTML of this origin) into the live region. Without it the
 * button does the same with a page load.
 */
export const CONSOLE_SCRIPT = `(() => {
  const form = document.querySelector('form.entry');
  const target = document.getElementById('vorschau');
  if (!form || !target) return;
  let timer = 0;
  let sent = 0;
  const refresh = async () => {
    const mine = ++sent;
    const body = new URLSearchParams(new FormData(form));
    body.set('action', 'vorschau');
    body.delete('pick');
    try {
      // form.action would be the buttons named "action"; the attribute is the address.
      const res = await fetch(form.getAttribute('action'), { method: 'POST', body, headers: { 'X-Auskunft-Preview': '1' }, credentials: 'same-origin' });
      if (!res.ok || mine !== sent) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      target.replaceChildren(...doc.body.childNodes);
    } catch {
      // Offline or signed out: the button still works and says why.
    }
  };
  form.addEventListener('input', (event) => {
    if (!['question', 'alternatives', 'answer', 'source'].includes(event.target.name)) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 700);
  });
})();
`;
