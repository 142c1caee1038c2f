import { describe, expect, it } from 'vitest';
import { buildHistory, newTurn, type Turn } from './history';

const turn = (id: number, status: Turn['status'] = 'done'): Turn => ({
  ...newTurn(id, `Frage ${id}`),
  status,
  text: status === 'error' ? '' : `Antwort ${id}`,
});

describe('buildHistory', () => {
  it('alternates user/assistant messages from completed turns', () => {
    expect(buildHistory([turn(1), turn(2)])).toEqual([
      { role: 'user', content: 'Frage 1' },
      { role: 'assistant', content: 'Antwort 1' },
      { role: 'user', content: 'Frage 2' },
      { role: 'assistant', content: 'Antwort 2' },
    ]);
  });

  it('keeps only the most recent messages (6 by default)', () => {
    const history = buildHistory([1, 2, 3, 4, 5].map((i) => turn(i)));
    expect(history).toHaveLength(6);
    expect(history[0]).toEqual({ role: 'user', content: 'Frage 3' });
  });

  it('skips failed, cancelled and running answers and never starts with an assistant message', () => {
    expect(buildHistory([turn(1), turn(2, 'error'), turn(3, 'cancelled'), turn(4, 'streaming')])).toHaveLength(2);
    expect(buildHistory([turn(1), turn(2)], 3)).toEqual([
      { role: 'user', content: 'Frage 2' },
      { role: 'assistant', content: 'Antwort 2' },
    ]);
  });
});
