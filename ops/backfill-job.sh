#!/usr/bin/env bash
# Turns a Job made from the batch-analytics CronJob into a backfill Job: replaces the
# container args with --from/--to (inclusive UTC days) computed from the parameters.
# Reads the Job manifest (YAML or JSON) on stdin, writes the patched manifest on stdout.
# Jenkins (stage "Backfill"):
#   kubectl -n NS create job NAME --from=cronjob/batch-analytics --dry-run=client -o yaml \
#     | ops/backfill-job.sh --year=2024 --month=3 \
#     | kubectl apply -f -
# Parameters: --from=YYYY-MM-DD --to=YYYY-MM-DD, or --year=YYYY [--month=M [--day=D]]
# (a whole year, month or day). Prints the resolved range on stderr.
set -euo pipefail

FROM="" TO="" YEAR="" MONTH="" DAY=""
for arg in "$@"; do
  case "$arg" in
    --from=*) FROM="${arg#*=}" ;;
    --to=*) TO="${arg#*=}" ;;
    --year=*) YEAR="${arg#*=}" ;;
    --month=*) MONTH="${arg#*=}" ;;
    --day=*) DAY="${arg#*=}" ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

die() { echo "backfill-job: $*" >&2; exit 2; }
# GNU date normalises impossible dates silently in some forms: insist on a round trip.
valid_day() { [[ "$1" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && [[ "$(date -u -d "$1" +%F 2>/dev/null)" == "$1" ]]; }

if [[ -n "$YEAR" ]]; then
  [[ -z "$FROM$TO" ]] || die "give either --from/--to or --year[/--month/--day], not both"
  [[ "$YEAR" =~ ^[0-9]{4}$ ]] || die "bad year '$YEAR'"
  if [[ -z "$MONTH" ]]; then
    [[ -z "$DAY" ]] || die "--day needs --month"
    FROM="$YEAR-01-01"; TO="$YEAR-12-31"
  else
    if ! [[ "$MONTH" =~ ^[0-9]{1,2}$ ]] || (( 10#$MONTH < 1 || 10#$MONTH > 12 )); then die "bad month '$MONTH'"; fi
    MM=$(printf '%02d' "$((10#$MONTH))")
    if [[ -z "$DAY" ]]; then
      FROM="$YEAR-$MM-01"; TO=$(date -u -d "$FROM +1 month -1 day" +%F)
    else
      [[ "$DAY" =~ ^[0-9]{1,2}$ ]] || die "bad day '$DAY'"
      FROM="$YEAR-$MM-$(printf '%02d' "$((10#$DAY))")"; TO="$FROM"
    fi
  fi
fi
[[ -n "$FROM" && -n "$TO" ]] || die "need --from and --to, or --year"
valid_day "$FROM" || die "bad --from '$FROM' (YYYY-MM-DD)"
valid_day "$TO" || die "bad --to '$TO' (YYYY-MM-DD)"
[[ ! "$FROM" > "$TO" ]] || die "--from $FROM is after --to $TO"
[[ ! "$TO" > "$(date -u +%F)" ]] || die "--to $TO is in the future"
echo "backfill-job: --from=$FROM --to=$TO" >&2

# kubectl patch --local needs no cluster. A strategic merge patch matches the container by
# name (so a sidecar added later cannot receive the args) and replaces its args list.
PATCH=$(printf '{"metadata":{"annotations":{"risk-platform/backfill":"%s..%s"}},"spec":{"template":{"spec":{"containers":[{"name":"batch-analytics","args":["--from=%s","--to=%s"]}]}}}}' \
  "$FROM" "$TO" "$FROM" "$TO")
kubectl patch --local -f - --type=strategic -p "$PATCH" -o yaml
