// The certification report's stylesheet, inline (the report is one file with no external asset):
// readable on screen, and printed on A4 with the filters hidden, every row shown, sections kept
// whole where possible and the verdict colours kept.

export const REPORT_STYLE = `
:root { --ok: #1b6e3a; --ko: #b3261e; --na: #5f6368; --setup: #8a5a00; --reserve: #8a5a00; --line: #d0d4d9; --mark: #fff1a8; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1d1d1f; margin: 0 auto; max-width: 72rem; padding: 1.5rem; line-height: 1.45; font-size: 15px; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 0 0 .5rem; }
.sous-titre { color: #444; margin: 0 0 1rem; }
.identite { border-collapse: collapse; margin-bottom: 1rem; }
.identite th { text-align: left; font-weight: 600; padding: .2rem 1rem .2rem 0; vertical-align: top; white-space: nowrap; }
.identite td { padding: .2rem 0; word-break: break-all; }
.verdict { border: 3px solid currentColor; border-radius: .5rem; padding: 1rem 1.25rem; margin: 1rem 0 1.5rem; }
.verdict .libelle { font-size: 2.6rem; font-weight: 700; line-height: 1.1; margin: 0; }
.verdict p { margin: .5rem 0 0; color: #1d1d1f; }
.v-conforme, .v-reussi { color: var(--ok); }
.v-non-conforme, .v-echoue { color: var(--ko); }
.v-conforme-avec-reserves { color: var(--reserve); }
.v-erreur-de-mise-en-place { color: var(--setup); }
.v-inapplicable { color: var(--na); }
.badge { display: inline-block; border: 1px solid currentColor; border-radius: 1rem; padding: 0 .6rem; font-weight: 600; font-size: .85rem; white-space: nowrap; }
.filtres { display: flex; gap: 1.5rem; flex-wrap: wrap; align-items: center; background: #f4f6f8; padding: .6rem .8rem; border-radius: .4rem; margin-bottom: .75rem; }
.filtres label { font-weight: 600; }
.filtres select { margin-left: .4rem; font-size: .95rem; }
table.exigences { border-collapse: collapse; width: 100%; }
table.exigences th, table.exigences td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
table.exigences th { background: #f4f6f8; }
table.exigences td.id { font-family: "DejaVu Sans Mono", monospace; white-space: nowrap; }
table.exigences ul { margin: 0; padding-left: 1rem; }
tr.v-ligne-echoue td { background: #fdeceb; }
tr.v-ligne-erreur-de-mise-en-place td { background: #fff6e0; }
.masque, .impression-seulement { display: none; }
.echec { border: 1px solid var(--line); border-left: 6px solid var(--ko); border-radius: .4rem; padding: 1rem; margin: 0 0 1.25rem; }
.echec.v-bloc-erreur-de-mise-en-place { border-left-color: var(--setup); }
.echec dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: .5rem 0; }
.echec dt { font-weight: 600; }
.echec dd { margin: 0; }
.observe { color: var(--ko); font-weight: 600; white-space: pre-wrap; }
.corriger { background: #eef6ee; border-left: 4px solid var(--ok); padding: .6rem .8rem; margin: .75rem 0; }
.corriger h4 { margin: 0 0 .25rem; }
.preuve { margin: .75rem 0; }
.preuve h4, .corriger h4 { font-size: .95rem; }
.preuve h4 { margin: 0 0 .25rem; }
pre.extrait { font-family: "DejaVu Sans Mono", monospace; font-size: .8rem; background: #f8f9fa; border: 1px solid var(--line); padding: .4rem 0; margin: 0; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
pre.extrait span { display: block; padding: 0 .5rem; }
pre.extrait span.n { color: #777; }
pre.extrait mark { display: block; background: var(--mark); border-left: 4px solid #d4a000; padding: 0 .5rem 0 calc(.5rem - 4px); color: inherit; font-weight: 700; }
pre.extrait .saut { color: #777; font-style: italic; }
details > summary { cursor: pointer; color: #174ea6; margin: .25rem 0; }
a { color: #174ea6; }
footer { margin-top: 2rem; color: #555; font-size: .85rem; border-top: 1px solid var(--line); padding-top: .5rem; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filtres, .lien-telecharger, .preuve.repliee { display: none; }
  .impression-seulement { display: block; font-style: italic; }
  .masque { display: table-row; }
  section.masque { display: block; }
  .echec, .verdict, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  details { display: block; }
  details > summary { display: none; }
  pre.extrait { font-size: 7.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
