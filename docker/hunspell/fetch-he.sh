#!/bin/sh
# Put Debian's Hebrew hunspell dictionary (package hunspell-he) where
# docker-compose.yml mounts it into Elasticsearch: docker/hunspell/he_IL/.
# Uses the installed files when present (apt-get install hunspell-he), else
# downloads the .deb with apt-get download and unpacks it without installing.
set -eu
cd "$(dirname "$0")"
target=he_IL
mkdir -p "$target"
if [ -s /usr/share/hunspell/he_IL.dic ] && [ -s /usr/share/hunspell/he_IL.aff ]; then
    cp /usr/share/hunspell/he_IL.aff /usr/share/hunspell/he_IL.dic "$target/"
else
    work=$(mktemp -d)
    chmod 755 "$work"  # apt-get download runs as _apt where it can
    trap 'rm -rf "$work"' EXIT
    (cd "$work" && apt-get download hunspell-he >/dev/null)
    dpkg-deb -x "$work"/hunspell-he_*.deb "$work/root"
    cp "$work/root/usr/share/hunspell/he_IL.aff" "$work/root/usr/share/hunspell/he_IL.dic" "$target/"
fi
chmod 644 "$target/he_IL.aff" "$target/he_IL.dic"
ls -l "$target"
