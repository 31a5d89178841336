#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (PATH first, then pyenv), or fail with a clear message.
# Python 3.11 is not usable: PySide6 6.12 aborts there with "Fatal Python error: none_dealloc".
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
# 3.12 first: it is what the stack (PySide6, spaCy wheels) is measured on.
for cand in python3.12 python3 python python3.13; do
  path=$(command -v "$cand" 2>/dev/null) || continue
  if ok "$path"; then "$path" -c 'import sys; print(sys.executable)'; exit 0; fi
done
roots=("${PYENV_ROOT:-}" "$HOME/.pyenv")
command -v pyenv >/dev/null 2>&1 && roots=("$(pyenv root)" "${roots[@]}")
for root in "${roots[@]}"; do
  [ -n "$root" ] && [ -d "$root/versions" ] || continue
  for dir in $(ls -d "$root"/versions/3.12* 2>/dev/null | sort -rV) $(ls -d "$root"/versions/3.1[3-9]* 2>/dev/null | sort -V); do
    if ok "$dir/bin/python3"; then echo "$dir/bin/python3"; exit 0; fi
  done
done
echo "QualCode needs Python 3.12 or newer, and none was found (looked on PATH and under pyenv)." >&2
echo "Install it (e.g. 'pyenv install 3.12' or your system's python3.12 package) and try again." >&2
exit 1
