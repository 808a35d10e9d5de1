/** CSS of the waiting and rating parts (queue place, received tick, rating form), beside `styles`. */
export const waitingStyles = `
.queue-status{margin:0;padding:7px 14px;font-size:12.5px;text-align:center;background:var(--soft);color:var(--ink);border-bottom:1px solid var(--line)}
.received{color:var(--muted)}
.acknowledgement .notice{color:var(--muted)}
.rating{align-self:center;width:92%;margin:-2px 0 4px;padding:10px 12px;border:1px solid var(--line);border-radius:12px;background:var(--surface);display:grid;gap:8px}
.rating form{display:grid;gap:8px}
.rating fieldset{border:0;margin:0;padding:0;min-width:0}
.rating legend{padding:0;margin:0 0 6px;font-size:13px;font-weight:600}
.rating-scale{display:flex;gap:6px}
.rating-scale label{flex:1;position:relative}
.rating-scale input{position:absolute;opacity:0;inset:0;margin:0;cursor:pointer}
.rating-scale span{display:block;padding:6px 0;text-align:center;border:1px solid var(--field);border-radius:8px;font-weight:600}
.rating-scale input:checked+span{background:var(--accent);border-color:var(--accent);color:var(--on-accent)}
.rating-scale input:focus-visible+span{outline:3px solid color-mix(in srgb,var(--accent) 45%,transparent);outline-offset:2px}
.rating textarea{width:100%;min-height:52px;padding:7px 10px;border:1px solid var(--field);border-radius:8px;font:inherit;font-size:16px;color:inherit;background:var(--surface);resize:vertical}
.rating textarea:focus{outline:none;border-color:var(--accent);box-shadow:0 0 0 3px color-mix(in srgb,var(--accent) 18%,transparent)}
.rating-comment{font-size:12.5px;color:var(--muted);display:grid;gap:4px}
.rating-submit{justify-self:end;padding:7px 14px;border-radius:8px;background:var(--accent);color:var(--on-accent);font-weight:600}
.rating-submit:disabled{opacity:.5;cursor:default}
.rating .error{margin:0;font-size:12px;color:#b42318}
[data-mode=dark] .rating .error{color:#fda29b}
.rating-thanks{margin:0;text-align:center;font-size:13px}
`;
