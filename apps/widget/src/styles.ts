/** All of the widget's CSS; it lives in the shadow root, so host page styles neither leak in nor out. */
export const styles = `
:host{all:initial!important}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.root{--accent:#2456d3;--on-accent:#fff;--accent-shade:#193c94;--accent-ink:var(--accent);--ink:#1d2330;--muted:#5d6678;--faint:#6b7384;--line:#e4e7ec;--field:#d0d5dd;--surface:#fff;--canvas:#f6f7f9;--soft:#eef0f3;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);-webkit-font-smoothing:antialiased}
[data-mode=dark]{--ink:#e6e8ec;--muted:#a9b0bc;--faint:#a9b0bc;--line:#343a46;--field:#4a5160;--surface:#1c1f26;--canvas:#14161b;--soft:#2a2f38;--accent-ink:var(--ink);color-scheme:dark}
button{font:inherit;color:inherit;cursor:pointer;border:0;background:none;padding:0}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button:focus-visible,.list:focus-visible,a:focus-visible{outline:3px solid var(--accent-ink);outline-offset:2px}
.header button:focus-visible{outline-color:var(--on-accent)}
svg{width:24px;height:24px;display:block}

.launcher{position:fixed;z-index:2147483000;bottom:20px;right:20px;width:60px;height:60px;border-radius:50%;background:var(--accent);color:var(--on-accent);display:grid;place-items:center;box-shadow:0 6px 20px rgba(16,24,40,.24),0 2px 4px rgba(16,24,40,.12);transition:transform .16s ease,box-shadow .16s ease}
.launcher:hover{transform:scale(1.06);box-shadow:0 10px 28px rgba(16,24,40,.28)}
.launcher svg{width:28px;height:28px;grid-area:1/1;transition:transform .2s ease,opacity .2s ease}
.launcher .when-open{opacity:0;transform:rotate(-90deg)}
.launcher.with-text{width:auto;padding:0 22px 0 18px;border-radius:30px;display:flex;align-items:center;gap:8px;font-weight:650;font-size:15px}
.with-text .when-open{display:none}
.open .with-text{width:60px;padding:0;justify-content:center}
.open .with-text .when-closed{display:none}
.open .with-text .when-open{display:block}
.open .launcher .when-open{opacity:1;transform:none}
.open .launcher .when-closed{opacity:0;transform:rotate(90deg)}
.badge{position:absolute;top:-3px;right:-3px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#c8232c;color:#fff;font-size:12px;font-weight:700;line-height:18px;text-align:center;border:2px solid #fff;animation:hitl-pop .25s ease-out}

.panel{position:fixed;z-index:2147483000;right:20px;bottom:92px;width:370px;height:min(560px,calc(100vh - 112px));min-height:320px;display:flex;flex-direction:column;overflow:hidden;background:var(--surface);color:var(--ink);border-radius:16px;box-shadow:0 16px 48px rgba(16,24,40,.2),0 2px 8px rgba(16,24,40,.08);animation:hitl-in .22s cubic-bezier(.2,.8,.2,1)}
[data-position=left] .launcher,[data-position=left] .panel{right:auto;left:20px}

.header{display:flex;align-items:center;gap:12px;padding:16px 14px 16px 16px;color:var(--on-accent);background:var(--accent);background:linear-gradient(135deg,var(--accent),var(--accent-shade))}
.avatar{flex:none;width:40px;height:40px;border-radius:50%;display:grid;place-items:center;background:rgba(255,255,255,.18);font-weight:700;font-size:16px}
.avatar svg{width:22px;height:22px}
.titles{flex:1;min-width:0}
.title{margin:0;font-size:16px;font-weight:650;line-height:1.25;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.status{margin:2px 0 0;font-size:12.5px;display:flex;align-items:center;gap:6px}
.status::before{content:"";flex:none;width:8px;height:8px;border-radius:50%;background:#4ade80;box-shadow:0 0 0 2px rgba(255,255,255,.25)}
.status[data-state=queued]::before{background:#fbbf24}
.status[data-state=closed]::before{background:#cbd5e1}
.status[data-reviewing]::before{background:#fbbf24}
.status:not([data-connection=online])::before{background:#fbbf24}
.status[data-connection=offline]::before,.status[data-connection=unavailable]::before{background:#cbd5e1}
.close{flex:none;width:36px;height:36px;border-radius:50%;display:grid;place-items:center;color:inherit}
.close:hover{background:rgba(255,255,255,.16)}

.connection{padding:6px 12px;font-size:12.5px;text-align:center;background:#fff6e6;color:#8a4b00;border-bottom:1px solid #fde4b8;animation:hitl-fade .2s .8s both}
.connection[data-state=offline]{animation:none}
.connection[data-state=unavailable]{background:#fdecec;color:#8f1d1d;border-color:#f8c9c9}

.list{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:16px 14px 8px;background:var(--canvas);display:flex;flex-direction:column;gap:10px}
.row{display:flex;flex-direction:column;align-items:flex-start;max-width:82%;animation:hitl-rise .18s ease-out}
.row.customer{align-self:flex-end;align-items:flex-end}
.row.system{align-self:center;align-items:center;max-width:92%}
.author{font-size:11.5px;font-weight:600;color:var(--muted);margin:0 6px 3px}
.bubble{padding:9px 13px;border-radius:18px;white-space:pre-wrap;overflow-wrap:anywhere;background:var(--surface);border:1px solid var(--line);border-bottom-left-radius:6px}
.bubble a{color:inherit;text-decoration:underline}
.agent .bubble{background:color-mix(in srgb,var(--accent) 9%,var(--surface));border-color:color-mix(in srgb,var(--accent) 18%,var(--surface))}
.customer .bubble{background:var(--accent);color:var(--on-accent);border-color:transparent;border-radius:18px;border-bottom-right-radius:6px}
.customer[data-status=pending] .bubble{opacity:.72}
.customer[data-status=failed] .bubble{background:var(--surface);color:#b42318;border-color:#f3b4ae}
.meta{font-size:11.5px;color:var(--faint);margin:3px 6px 0;display:flex;gap:8px;align-items:baseline}
.meta:empty{display:none}
[data-status=pending] .meta{animation:hitl-fade .2s .6s both}
.error{color:#b42318}
.link{color:var(--muted);text-decoration:underline;font-size:11.5px}
.notice{font-size:12px;color:var(--muted);text-align:center;background:var(--soft);border-radius:12px;padding:5px 12px}
.contact{align-self:center;width:92%;margin:-2px 0 4px;padding:10px 12px;border:1px solid var(--line);border-radius:12px;background:var(--surface);display:grid;grid-template-columns:minmax(0,1fr);gap:8px}
.contact-label{margin:0;font-size:12.5px;color:var(--muted)}
.contact-row{display:flex;gap:6px}
.contact input{flex:1 1 0;width:0;min-width:0;padding:7px 10px;border:1px solid var(--field);border-radius:8px;font:inherit;font-size:16px;color:inherit;background:var(--surface);outline:none}
.contact input:focus{border-color:var(--accent);box-shadow:0 0 0 3px color-mix(in srgb,var(--accent) 18%,transparent)}
.contact input[aria-invalid=true]{border-color:#f3b4ae}
.contact-submit{flex:none;padding:7px 14px;border-radius:8px;background:var(--accent);color:var(--on-accent);font-weight:600}
.contact-submit:disabled{opacity:.5;cursor:default}
.contact .error{margin:0;font-size:12px}
.dots{display:flex;gap:4px;padding:13px 14px}
.dots i{width:7px;height:7px;border-radius:50%;background:#98a2b3;animation:hitl-bounce 1.2s infinite ease-in-out}
.dots i:nth-child(2){animation-delay:.15s}
.dots i:nth-child(3){animation-delay:.3s}

.agent-typing{margin:0;padding:6px 16px 0;font-size:12.5px;color:var(--muted);font-style:italic;background:var(--surface)}
.actions{display:flex;gap:8px;padding:10px 14px 0;background:var(--surface);border-top:1px solid var(--soft)}
.chip{display:inline-flex;align-items:center;gap:6px;padding:6px 12px 6px 10px;border-radius:999px;border:1px solid color-mix(in srgb,var(--accent) 40%,var(--surface));color:var(--accent-ink);font-size:13px;font-weight:550;background:var(--surface)}
.chip svg{width:16px;height:16px}
.chip:hover{background:color-mix(in srgb,var(--accent) 8%,var(--surface))}
.composer{margin:0;display:flex;align-items:flex-end;gap:8px;padding:10px 12px 12px 14px;background:var(--surface)}
.actions[hidden]+.composer{border-top:1px solid var(--soft)}
textarea{flex:1;resize:none;min-height:44px;max-height:132px;padding:10px 14px;border:1px solid var(--field);border-radius:22px;font:inherit;font-size:16px;color:inherit;background:var(--surface);outline:none;line-height:1.4}
textarea:focus{border-color:var(--accent);box-shadow:0 0 0 3px color-mix(in srgb,var(--accent) 18%,transparent)}
textarea::placeholder{color:var(--faint)}
.send{flex:none;width:44px;height:44px;border-radius:50%;display:grid;place-items:center;background:var(--accent);color:var(--on-accent);transition:opacity .15s ease,transform .15s ease}
.send svg{width:20px;height:20px}
.send:disabled{opacity:.35;cursor:default}
.send:not(:disabled):active{transform:scale(.94)}
.counter{padding:0 18px 8px;margin-top:-6px;font-size:11.5px;text-align:right;color:var(--muted);background:var(--surface)}
.counter[data-over]{color:#b42318;font-weight:600}

@media (max-width:480px){
.panel{inset:0;width:100%;height:100%;min-height:0;border-radius:0;padding-bottom:env(safe-area-inset-bottom)}
.header{padding-top:max(16px,env(safe-area-inset-top))}
.open .launcher{display:none}
}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
@keyframes hitl-in{from{opacity:0;transform:translateY(12px) scale(.98)}}
@keyframes hitl-rise{from{opacity:0;transform:translateY(4px)}}
@keyframes hitl-fade{from{opacity:0}}
@keyframes hitl-pop{from{transform:scale(.4)}}
@keyframes hitl-bounce{0%,60%,100%{transform:translateY(0);opacity:.5}30%{transform:translateY(-4px);opacity:1}}
`;
