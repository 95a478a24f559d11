#!/usr/bin/env bash
# Installs the Debian packages the desk's tests and tools need, only those that are missing.
#   chromium       the browser host's window and the end-to-end tests (Playwright drives /usr/bin/chromium)
#   fonts-ocr-b    the MRZ font, for synthetic passports and the recogniser's templates
#   ffmpeg         a video file as the webcam
#   poppler-utils  printed slips (PDF) to PNG and text
#   tesseract-ocr  the peer the MRZ reader is measured against
#   imagemagick    image conversion for test fixtures and icons
#   postgresql     the sync hub's tests and benchmarks start their own throwaway cluster (initdb + pg_ctl)
set -euo pipefail
packages=(chromium fonts-ocr-b ffmpeg poppler-utils tesseract-ocr imagemagick postgresql)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${packages[*]})"
  exit 0
fi
echo "system packages: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Run as root (or: sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
