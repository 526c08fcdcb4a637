"""The files under the paths a user gives: links followed only inside those paths, each folder
visited once however links loop, hidden files and folders skipped, names kept in whatever bytes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass
class Found:
    files: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (path, why it is not read)


def files_under(paths) -> Found:
    """Every file under the given paths in a stable order; a given file is taken as it is."""
    roots = [os.path.realpath(p) for p in paths]
    found = Found()
    visited: set[tuple[int, int]] = set()
    for given in map(os.fspath, paths):
        if os.path.isdir(given):
            _walk_folder(given, roots, visited, found)
        else:
            found.files.append(given)
    return found


def _walk_folder(top: str, roots: list[str], visited: set[tuple[int, int]], found: Found) -> None:
    for folder, dirs, files in os.walk(top, followlinks=True):
        status = os.stat(folder)
        if (status.st_dev, status.st_ino) in visited:  # reached again through a link: a loop or a twin
            dirs[:] = []
            continue
        visited.add((status.st_dev, status.st_ino))
        dirs[:] = [d for d in sorted(dirs) if _admitted(os.path.join(folder, d), d, roots, found)]
        found.files += [
            os.path.join(folder, f)
            for f in sorted(files)
            if _admitted(os.path.join(folder, f), f, roots, found)
        ]


def _admitted(path: str, name: str, roots: list[str], found: Found) -> bool:
    if name.startswith("."):
        return False
    if os.path.islink(path) and not _inside(os.path.realpath(path), roots):
        found.refused.append(
            (path, "it is a link to a place outside the paths given; links are followed only inside them")
        )
        return False
    return True


def _inside(target: str, roots: list[str]) -> bool:
    return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in roots)
