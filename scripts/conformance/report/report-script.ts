// The certification report's only script, inline: the filters by verdict and by requirement
// family. It reads data-* attributes and toggles a class; it never writes markup (no innerHTML),
// so no content of the run can run through it. The report's Content-Security-Policy allows this
// script by its SHA-256 and nothing else (certification-report.ts).
import { createHash } from 'node:crypto';

export const REPORT_SCRIPT = `
(function () {
  var verdict = document.getElementById('filtre-verdict');
  var famille = document.getElementById('filtre-famille');
  var compte = document.getElementById('filtre-compte');
  function appliquer() {
    var v = verdict.value, f = famille.value, visibles = 0;
    document.querySelectorAll('[data-verdict][data-famille]').forEach(function (el) {
      var familles = el.getAttribute('data-famille').split(' ');
      var montre = (v === '' || el.getAttribute('data-verdict') === v) && (f === '' || familles.indexOf(f) >= 0);
      el.classList.toggle('masque', !montre);
      if (montre && el.tagName === 'TR') visibles += 1;
    });
    compte.textContent = visibles + ' exigence(s) affichée(s)';
  }
  verdict.addEventListener('change', appliquer);
  famille.addEventListener('change', appliquer);
  appliquer();
})();
`;

/** The CSP source that allows exactly this script. */
export function scriptHashSource(script: string = REPORT_SCRIPT): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}
