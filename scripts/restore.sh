#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into an empty data directory (README: "Backup and restore"):
#   scripts/restore.sh <backup-dir> <empty-data-dir>
# then start Skyddsnät with SKYDDSNAT_DATA_DIR=<empty-data-dir>: PostgreSQL replays the backup's write-ahead log
# at that first start.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
if [ $# -ne 2 ]; then echo "Usage: $0 <backup-dir> <empty-data-dir>" >&2; exit 2; fi
umask 077
run_tool se.skyddsnat.database.DataBackup restore "$1" "$2"
