#!/usr/bin/env bash
# dig-bursts.sh QUERIES_FILE PER_BURST PAUSE: sends the queries of a `dig -f` batch file in bursts of PER_BURST,
# PAUSE seconds apart (a DNS-tunnelling imitation). Bounded by the file's length; lab.sh runs it under `timeout`.
set -euo pipefail
file="$1" per="$2" pause="$3"
dir="$(mktemp -d "$PWD/dig.XXXXXX")"   # lab.sh runs it inside its own temp folder
trap 'rm -rf "$dir"' EXIT
split -l "$per" "$file" "$dir/burst."
first=1
for burst in "$dir"/burst.*; do
  [[ $first -eq 1 ]] || sleep "$pause"
  first=0
  timeout 20 dig -f "$burst"
done
