import { afterEach, describe, expect, it, vi } from 'vitest';
import { StreamPreviews } from './stream-previews';

describe('StreamPreviews', () => {
  afterEach(() => vi.useRealTimers());

  it('grows a preview piece by piece, per conversation', () => {
    const previews = new StreamPreviews(() => {});
    expect(previews.append('c1', 'm1', 'Standard')).toBe(true);
    previews.append('c1', 'm1', ' shipping');
    previews.append('c2', 'm2', 'Other');
    expect(previews.list('c1')).toMatchObject([{ id: 'm1', text: 'Standard shipping' }]);
    expect(previews.list('c2').map((p) => p.id)).toEqual(['m2']);
  });

  it('kept: stays until its stored message settles it; not kept: goes at once', () => {
    const previews = new StreamPreviews(() => {});
    previews.append('c1', 'kept', 'a');
    previews.append('c1', 'dropped', 'b');
    expect(previews.end('kept', true)).toBe(false);
    expect(previews.end('dropped', false)).toBe(true);
    expect(previews.list('c1').map((p) => p.id)).toEqual(['kept']);
    expect(previews.settle('kept')).toBe(true);
    expect(previews.list('c1')).toEqual([]);
  });

  it('late pieces of a finished stream do not bring it back', () => {
    const previews = new StreamPreviews(() => {});
    previews.append('c1', 'm1', 'a');
    previews.end('m1', false);
    expect(previews.append('c1', 'm1', 'late')).toBe(false);
    expect(previews.list('c1')).toEqual([]);
  });

  it('drops a preview that went quiet (its end was lost) and says so', () => {
    vi.useFakeTimers();
    const onChange = vi.fn();
    const previews = new StreamPreviews(onChange);
    previews.append('c1', 'm1', 'a');
    vi.advanceTimersByTime(59_000);
    previews.append('c1', 'm1', 'b');
    vi.advanceTimersByTime(59_000);
    expect(previews.list('c1')).toHaveLength(1);
    vi.advanceTimersByTime(2_000);
    expect(previews.list('c1')).toEqual([]);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('drops the previews of a conversation a person took over, and late pieces do not bring them back', () => {
    const previews = new StreamPreviews(() => undefined);
    previews.append('conv_1', 'msg_a', 'Refunds take');
    previews.append('conv_2', 'msg_b', 'Shipping is');
    expect(previews.dropConversation('conv_1')).toBe(true);
    expect(previews.list('conv_1')).toEqual([]);
    expect(previews.list('conv_2').map((p) => p.id)).toEqual(['msg_b']);
    expect(previews.append('conv_1', 'msg_a', ' five days')).toBe(false);
    expect(previews.dropConversation('conv_1')).toBe(false);
  });
});
