#!/usr/bin/env bash
# A consistent backup of a data directory with the embedded PostgreSQL (README: "Backup and restore"):
#   scripts/backup.sh <data-dir> <empty-target-dir>
# While Skyddsnät runs: an online base backup (pg_backup_start/stop, the write-ahead log in between); while it is
# stopped: a copy under the data directory's lock. Either way with database.credentials and audit/ (key, checkpoints).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
if [ $# -ne 2 ]; then echo "Usage: $0 <data-dir> <empty-target-dir>" >&2; exit 2; fi
umask 077
run_tool se.skyddsnat.database.DataBackup backup "$1" "$2"
