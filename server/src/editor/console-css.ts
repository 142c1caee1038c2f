/**
 * The console's only stylesheet, served from /editor/console.css so the pages need no inline
 * style under their CSP. Colours meet WCAG 2.1 AA contrast (4.5:1 for text, 3:1 for focus and
 * borders); the layout is one column up to 360 px wide screens.
 */
export const CONSOLE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
a{color:#0b4f8a}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,select:focus-visible,summary:focus-visible,main:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:.5rem;z-index:10}
header{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.5rem 1rem;background:#0b4f6b;color:#fff}
header a{color:#fff}
header .brand{font-weight:700;margin:0}
header ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
.logout{margin:0 0 0 auto;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25}
h2{font-size:1.25rem}
label{display:block;font-weight:600}
.inline label{display:inline}
input,textarea,select{font:inherit;max-width:100%;padding:.4rem;border:1px solid #595959;border-radius:3px;color:inherit;background:#fff}
input:not([type=number]):not([type=date]),textarea{width:100%}
input[type=search]{width:auto;min-width:min(20rem,100%)}
button,.button{display:inline-block;font:inherit;padding:.45rem .9rem;border:2px solid #0b4f6b;border-radius:3px;background:#fff;color:#0b4f6b;cursor:pointer;text-decoration:none;min-height:44px}
button.primary{background:#0b4f6b;color:#fff}
header button{border-color:#fff;background:#0b4f6b;color:#fff}
.field{margin:0 0 1rem}
.hint{margin:.1rem 0 .3rem;color:#4a4a4a;font-size:.95rem}
.field-error{margin:.1rem 0 .3rem;color:#a00000;font-weight:600}
.invalid input,.invalid textarea{border:2px solid #a00000}
.message{border-left:6px solid;padding:.5rem 1rem;margin:0 0 1rem}
.message.error{border-color:#a00000;background:#fdecec}
.message.ok{border-color:#1d6b2f;background:#eaf6ec}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}
.actions form{margin:0;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.topics{padding-left:1.25rem}
.topic{border-top:1px solid #ccc;padding:.5rem 0 1rem}
.meta{color:#4a4a4a}
.hits{list-style:none;padding:0}
.hits li{margin:.4rem 0;overflow-wrap:anywhere}
.url{color:#4a4a4a;font-size:.9rem}
.preview,.kept{border:1px solid #999;padding:.5rem 1rem;margin:1.5rem 0;overflow-wrap:anywhere}
pre{white-space:pre-wrap;font:inherit;margin:0}
dl.version dt,dl.diff dt,.kept dt{font-weight:600;margin-top:.5rem}
dd{margin-left:1rem;overflow-wrap:anywhere}
ins{background:#dff3e3;text-decoration:underline}
del{background:#fbe1e1}
.table{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #ccc;padding:.35rem;text-align:left;vertical-align:top}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
