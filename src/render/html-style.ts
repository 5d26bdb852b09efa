// The report's style sheet and its one script, inlined into the page: the file opens from disk
// with nothing to fetch. System fonts; light and dark from the reader's setting; A4 in print.

/** Colours of the criteria with the largest weights, in order (Okabe-Ito and ColorBrewer hues,
 * told apart by colour-blind readers too); the remaining criteria share the last, a grey. */
export const SEGMENT_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#8da0cb', '#b0b0b0'];

export const STYLE: string = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--surface:#f6f8fa;--accent:#0a58c2;--good:#1a7f37;--warn:#9a6700;--warn-bg:#fff8c5;--track:#eef1f4}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9aa4af;--line:#3d444d;--surface:#151b23;--accent:#6cb6ff;--good:#57c270;--warn:#e3b341;--warn-bg:#2b2111;--track:#212830}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);overflow-wrap:break-word;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Helvetica,Arial,sans-serif}
main{max-width:54rem;margin:0 auto;padding:2rem 1.25rem 3rem}
h1,h2,h3{line-height:1.25;margin:0}
h1{font-size:clamp(1.6rem,4.5vw,2.25rem);letter-spacing:-.01em;margin:.25rem 0 .75rem}
h2{font-size:1.35rem;margin:2.75rem 0 .9rem;padding-bottom:.35rem;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
p,ul,ol{margin:0 0 .85rem}
a{color:var(--accent);text-underline-offset:.15em}
code,pre{font-family:ui-monospace,SFMono-Regular,"SF Mono",Menlo,Consolas,"Liberation Mono",monospace;font-size:.875em}
.eyebrow{color:var(--muted);font-size:.9rem;margin:0;text-transform:uppercase;letter-spacing:.06em}
.lead{font-size:1.125rem;max-width:44rem}
.muted{color:var(--muted)}
.small{font-size:.875rem}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr));gap:1rem 2rem;margin:1.25rem 0 0;padding:0}
.facts dt{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.05em}
.facts dd{margin:0;font-size:1.35rem;font-weight:600}
.facts dd small{display:block;font-size:.85rem;font-weight:400;color:var(--muted);max-width:22rem}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.1rem;list-style:none;padding:0;margin:1.75rem 0 0;font-size:.9rem}
.callout{border-left:4px solid var(--warn);background:var(--warn-bg);padding:.75rem 1rem;margin:1.25rem 0;border-radius:0 6px 6px 0}
.callout.ok{border-color:var(--good);background:var(--surface)}
.callout p:last-child,.callout ul:last-child{margin-bottom:0}
.chart{margin:0 0 1.25rem;break-inside:avoid;page-break-inside:avoid}
.chart figcaption{color:var(--muted);font-size:.9rem;margin-bottom:.75rem}
.rows{list-style:none;margin:0;padding:0}
.row{display:grid;grid-template-columns:minmax(8rem,15rem) 1fr 3.5rem;gap:.25rem 1rem;align-items:center;padding:.55rem 0;border-top:1px solid var(--line)}
.row:first-child{border-top:0}
.row .who{font-weight:600}
.row .who small{display:block;font-weight:400;color:var(--muted);font-size:.8rem}
.row .num{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.tag{display:inline-block;font-size:.72rem;font-weight:600;text-transform:uppercase;letter-spacing:.04em;padding:0 .4em;border:1px solid currentColor;border-radius:4px;margin-left:.35rem;vertical-align:.1em}
.tag.chosen{color:var(--good)}
.tag.out{color:var(--muted)}
.track{position:relative;display:flex;height:1.5rem;background:var(--track);border-radius:4px;overflow:hidden}
.seg{height:100%;border-right:1px solid var(--bg);container-type:inline-size;display:flex;align-items:center;justify-content:center;color:#111;font-size:.72rem;font-weight:700;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.seg span{display:none}
@container (min-width:1.1rem){.seg span{display:inline}}
.off{position:absolute;top:0;bottom:0;border-left:2px solid var(--fg);background:repeating-linear-gradient(135deg,var(--bg) 0 3px,transparent 3px 7px);-webkit-print-color-adjust:exact;print-color-adjust:exact}
.swatch.struck{border:1px solid var(--fg);background:repeating-linear-gradient(135deg,var(--track) 0 3px,var(--muted) 3px 5px)}
.row.excluded .track{opacity:.45}
.row.excluded .seg span{display:none}
.row.excluded .seg{background-image:repeating-linear-gradient(135deg,transparent 0 4px,rgba(0,0,0,.35) 4px 6px)}
.fill{height:100%;background:var(--accent);-webkit-print-color-adjust:exact;print-color-adjust:exact}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;list-style:none;padding:0;margin:.9rem 0 0;font-size:.85rem;color:var(--muted)}
.legend li{display:flex;align-items:center;gap:.4rem}
.swatch{display:inline-flex;align-items:center;justify-content:center;width:1.15rem;height:1.15rem;border-radius:3px;color:#111;font-size:.7rem;font-weight:700;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.scroll{overflow-x:auto;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.92rem;font-variant-numeric:tabular-nums}
th,td{text-align:left;vertical-align:top;padding:.45rem .75rem .45rem 0;border-bottom:1px solid var(--line)}
thead th{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600;border-bottom-width:2px}
tbody th{font-weight:500}
td.n,th.n{text-align:right;white-space:nowrap}
tr{break-inside:avoid;page-break-inside:avoid}
.reasons{padding-left:1.2rem}
.reasons li{margin:.3rem 0}
.cite{font-size:.78rem;color:var(--muted)}
.cite a{color:inherit;white-space:nowrap}
.timeline{list-style:none;padding:0;margin:0;position:relative}
.timeline li{position:relative;padding:0 0 1.5rem 1.75rem;border-left:2px solid var(--line);margin-left:.45rem;break-inside:avoid;page-break-inside:avoid}
.timeline li:last-child{border-left-color:transparent;padding-bottom:.25rem}
.timeline li::before{content:"";position:absolute;left:-.5rem;top:.2rem;width:.75rem;height:.75rem;border-radius:50%;background:var(--bg);border:3px solid var(--accent)}
.timeline li.now::before{background:var(--accent)}
.timeline h3{margin:0 0 .25rem}
.steps{padding-left:1.4rem}
.steps li{margin:0 0 1rem;break-inside:avoid;page-break-inside:avoid}
.steps .for{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;font-weight:600}
.cmd{display:flex;align-items:flex-start;gap:.5rem;margin:.4rem 0 .2rem}
.cmd pre{flex:1;margin:0;padding:.55rem .75rem;background:var(--surface);border:1px solid var(--line);border-radius:6px;overflow-x:auto;white-space:pre-wrap;overflow-wrap:anywhere;user-select:all}
.cmd button{font:inherit;font-size:.85rem;padding:.45rem .8rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg);cursor:pointer}
.cmd button:focus-visible,a:focus-visible,.scroll:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.sources{padding-left:1.2rem;font-size:.88rem}
.sources li{break-inside:avoid;margin:0 0 .25rem;overflow-wrap:anywhere}
.claims{display:flex;flex-wrap:wrap;gap:.35rem .5rem;list-style:none;padding:0;font-size:.88rem}
.claims code{padding:.05rem .35rem;border:1px solid var(--line);border-radius:4px;background:var(--surface)}
.claims li:target code,.sources li:target{outline:2px solid var(--accent);outline-offset:1px}
.facts .targets small{margin-top:.2rem}
footer{margin-top:3rem;padding-top:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
@media (max-width:40rem){
main{padding:1.25rem 1rem 2rem}
.row{grid-template-columns:1fr 3.25rem}
.row .who{grid-column:1/-1}
.facts{gap:.9rem 1.25rem}
.lead{font-size:1.05rem}
.cmd{flex-direction:column;align-items:flex-end}
.cmd pre{width:100%}
}
@media print{
@page{size:A4;margin:16mm 14mm}
:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--surface:#f4f4f4;--accent:#0a4fa8;--good:#1a7f37;--warn:#9a6700;--warn-bg:#fff8c5;--track:#ececec}
body{font-size:10.5pt}
main{max-width:none;padding:0}
nav,.cmd button{display:none}
h2{break-after:avoid;page-break-after:avoid;margin-top:1.75rem}
h3{break-after:avoid;page-break-after:avoid}
.cmd pre{white-space:pre-wrap}
.sources a{color:inherit}
}
`;

/** Adds a copy button beside each command; the command stays selectable text without it. */
export const SCRIPT = `
for (const pre of document.querySelectorAll('.cmd pre')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', 'Copy the command: ' + pre.textContent);
  button.addEventListener('click', async () => {
    const text = pre.textContent;
    let done = false;
    try { await navigator.clipboard.writeText(text); done = true; } catch {}
    if (!done) {
      const range = document.createRange();
      range.selectNodeContents(pre);
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      try { done = document.execCommand('copy'); } catch {}
    }
    button.textContent = done ? 'Copied' : 'Press Ctrl+C';
    setTimeout(() => { button.textContent = 'Copy'; }, 2000);
  });
  pre.after(button);
}
`;
