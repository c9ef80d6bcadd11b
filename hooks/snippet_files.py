"""Put every file of snippets/ on the site, as it is, under snippets/.

The reference page links each module's whole file there, so a reader can save it straight into
their own project: the exact bytes the tests run, with no copy-and-paste in between.
"""

from mkdocs.structure.files import File

import snippet_modules


def on_files(files, config):
    for path in sorted(snippet_modules.SNIPPETS.glob("*.py")):
        files.append(File.generated(config, f"snippets/{path.name}", abs_src_path=str(path)))
    return files
