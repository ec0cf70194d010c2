"""A floor for the render and batch benchmarks: a bare process that does nothing but Typst's
part of the work. It loads the documents' Typst sources and values, prepared beforehand by
`prepare` (bench_documents.py writes them to a pickle), and typesets each to a PDF file with
the program's settings (its font folders and PDF standards, also in the pickle, and the
conversation's date), `workers` documents at a time as `batch` does (threads), or split over
`workers` processes (`processes`: forked, where the system can fork). No rulebook, engine,
Jinja or YAML.

    python bench/typst_only.py PREPARED.pickle OUT_DIR WORKERS [processes]

What `render` or `batch` takes beyond this is the program's own share; this script's time
against the bare Qt script is the lowest ratio any program that starts Python and typesets the
same pages with Typst can reach on the machine.
"""

import os
import pickle
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

import typst

prepared_path, out_dir, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
processes = sys.argv[4:] == ["processes"] and hasattr(os, "fork")
with open(prepared_path, "rb") as handle:
    font_folders, standards, documents = pickle.load(handle)
fonts = typst.Fonts(
    include_system_fonts=False, include_embedded_fonts=False, font_paths=font_folders
)
root = tempfile.mkdtemp(prefix="typst-only-")
local = threading.local()


def typeset(index: int) -> None:
    compiler = getattr(local, "compiler", None)
    if compiler is None:
        compiler = local.compiler = typst.Compiler(
            root=root, font_paths=fonts, ignore_system_fonts=True
        )
    files, inputs, stamp = documents[index]
    pdf = compiler.compile(
        input=files,
        sys_inputs=inputs,
        format="pdf",
        pdf_standards=standards,
        timestamp=stamp,
    )
    with open(os.path.join(out_dir, f"{index}.pdf"), "wb") as handle:
        handle.write(pdf)


os.makedirs(out_dir, exist_ok=True)
if processes:
    children = []
    for part in range(1, workers):
        pid = os.fork()
        if pid == 0:
            for index in range(part, len(documents), workers):
                typeset(index)
            os._exit(0)
        children.append(pid)
    for index in range(0, len(documents), workers):
        typeset(index)
    for pid in children:
        if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0:
            raise SystemExit("a worker process failed")
else:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(typeset, range(len(documents))))
os.rmdir(root)
