"""Word 97–2003, RTF and ODT -> DOCX through LibreOffice, many files per call.

antiword and catdoc drop Word's automatic paragraph numbers and dashes; a
LibreOffice conversion to DOCX keeps them as list formatting, which the DOCX
reader turns into labels. One ``soffice`` start costs about a second, so the
files of a batch are converted together, with a private profile directory
(parallel runs do not collide) and a time limit (a damaged file cannot hang
the batch: on a timeout the rest are converted one at a time).
"""

from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import tempfile
from pathlib import Path

from extractor.errors import CorruptFile, EncryptedFile, MissingDependency

CHUNK = 40


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def check_doc(path: Path) -> None:
    """Refuse an encrypted Word 97–2003 file before LibreOffice sees it."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                raise CorruptFile("an OLE file without a Word document stream")
            fib = ole.openstream("WordDocument").read(12)
    except CorruptFile:
        raise
    except Exception as error:  # olefile raises OSError, ValueError, struct.error … on damaged files
        raise CorruptFile(f"damaged Word 97–2003 file ({type(error).__name__}: {error})") from error
    if len(fib) >= 12 and struct.unpack_from("<H", fib, 10)[0] & 0x0100:
        raise EncryptedFile("the Word document is password-protected")


def convert_to_docx(paths: list[Path], out_dir: Path, timeout: float = 120.0) -> dict[Path, Path | Exception]:
    """Convert files to DOCX in ``out_dir``; each input maps to its DOCX or to the error it met."""
    binary = soffice_path()
    if binary is None:
        missing = MissingDependency("LibreOffice (soffice) is not installed: run ./scripts/setup to install it")
        return dict.fromkeys(paths, missing)
    results: dict[Path, Path | Exception] = {}
    for start in range(0, len(paths), CHUNK):
        chunk = paths[start:start + CHUNK]
        results.update(_convert_chunk(binary, chunk, out_dir, timeout * max(1, len(chunk) // 4)))
    return results


def _convert_chunk(binary: str, paths: list[Path], out_dir: Path, timeout: float) -> dict[Path, Path | Exception]:
    staged = _stage(paths, out_dir)
    finished = _run_soffice(binary, list(staged), out_dir, timeout)
    results: dict[Path, Path | Exception] = {}
    for link, original in staged.items():
        target = out_dir / (link.stem + ".docx")
        if target.exists() and target.stat().st_size > 0:
            results[original] = target
        elif not finished and len(paths) > 1:
            results.update(_convert_chunk(binary, [original], out_dir, timeout / max(1, len(paths) // 4)))
        else:
            cause = "timed out" if not finished else "LibreOffice could not read it (damaged or not a document)"
            results[original] = CorruptFile(f"conversion to DOCX failed: {cause}")
    return results


def _stage(paths: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Link inputs under unique names, so that two files called report.doc do not collide."""
    stage = Path(tempfile.mkdtemp(prefix="in-", dir=out_dir))
    staged: dict[Path, Path] = {}
    for path in paths:
        link = stage / f"{len(staged):05d}-{abs(hash(str(path))) % 10**8:08d}{path.suffix.lower() or '.doc'}"
        try:
            link.symlink_to(path.resolve())
        except OSError:
            shutil.copyfile(path, link)
        staged[link] = path
    return staged


def _run_soffice(binary: str, inputs: list[Path], out_dir: Path, timeout: float) -> bool:
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=out_dir))
    command = [binary, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore",
               "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out_dir),
               *map(str, inputs)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True, env={**os.environ, "HOME": str(profile)})
    try:
        process.wait(timeout=timeout)
        return True
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return False
    finally:
        shutil.rmtree(profile, ignore_errors=True)
