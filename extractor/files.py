"""Writing output files: each one whole or not at all, and readable as the user's umask says.

A file is written beside its final place and moved there in one step, so that an interrupted run leaves
the previous file whole. ``tempfile.mkstemp`` creates files that only their owner may read (0600); the
file is given the mode a plain ``open`` would give it (0644 under the usual umask 022), so that colleagues
on a shared drive can read the tables.
"""

from __future__ import annotations

import gzip
import os
import tempfile
from functools import cache
from pathlib import Path


@cache
def file_mode() -> int:
    """0666 less the process's umask (read once: setting the umask is the only way to read it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, data: bytes, compress: bool = False) -> None:
    """Write ``data`` (gzipped when ``compress``) to ``path`` in one step, with the user's file mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(handle, file_mode())
        with os.fdopen(handle, "wb") as raw:
            if compress:
                with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
                    out.write(data)
            else:
                raw.write(data)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
