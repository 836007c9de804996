#!/usr/bin/env bash
# Refresh the catalogues from the code, fill Dutch from scripts/translations/*.py, compile.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
$PY manage.py makemessages -l nl -l en --no-wrap --no-location --no-obsolete --ignore ".venv/*" --ignore "tests/*" --ignore "data/*" --ignore "bench/*"
for table in scripts/translations/*.py; do
  $PY scripts/fill_po.py locale/nl/LC_MESSAGES/django.po "$table"
done
$PY manage.py compilemessages --ignore ".venv/*"
