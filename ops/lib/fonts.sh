# Sourced by the ops scripts: the fonts the evidence PDF embeds, from Debian packages — DejaVu Sans
# (fonts-dejavu-core) for Latin text and Droid Sans Fallback (fonts-droid-fallback) for Chinese.

pdf_fonts=(/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
           /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf)

fonts_missing() {
  local f
  for f in "${pdf_fonts[@]}"; do [ -f "$f" ] || return 0; done
  return 1
}

# ensure_fonts [required]: installs the fonts when missing (as root); without root, warns — or, when
# required (the tests print a PDF), stops with the command to run.
ensure_fonts() {
  fonts_missing || return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "eventhr: installing the PDF fonts (fonts-dejavu-core, fonts-droid-fallback)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get install -y -qq fonts-dejavu-core fonts-droid-fallback >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null && apt-get install -y -qq fonts-dejavu-core fonts-droid-fallback >/dev/null; }; } \
      || die "installing fonts-dejavu-core fonts-droid-fallback failed; install them by hand."
    return 0
  fi
  local msg="the evidence PDF needs fonts: run 'sudo apt-get install -y fonts-dejavu-core fonts-droid-fallback' once"
  [ "${1:-}" = required ] && die "$msg"
  echo "eventhr: warning: $msg (until then ?format=pdf answers 503)." >&2
}
