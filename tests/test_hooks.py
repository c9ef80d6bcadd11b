"""The build hooks: math becomes MathML, the glossary becomes tooltips, figures are cached."""

import sys

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import glossary  # noqa: E402
import notebooks  # noqa: E402
import mathml  # noqa: E402
import fill_in  # noqa: E402


class FakePage:
    class file:
        src_uri = "example.md"


def test_inline_and_block_math_become_mathml():
    content = '<p><span class="arithmatex">\\(a(1-a)\\)</span></p><div class="arithmatex">\\[x^2\\]</div>'
    html = mathml.on_page_content(content, page=FakePage())
    assert "arithmatex" not in html
    assert html.count("<math") == 2 and 'display="block"' in html
    assert "<msup><mi>x</mi><mn>2</mn></msup>" in html


def test_a_prime_sits_beside_its_letter():
    html = mathml.on_page_content('<span class="arithmatex">\\(\\sigma\'(z)\\)</span>', page=FakePage())
    assert "<mi>&#x003C3;</mi><mo>&#x02032;</mo>" in html and "<msup>" not in html


def test_bad_formula_names_the_page_and_the_formula():
    with pytest.raises(PluginError, match=r"example.md: cannot render the formula 'x\^'"):
        mathml.on_page_content('<span class="arithmatex">\\(x^\\)</span>', page=FakePage())
    with pytest.raises(PluginError, match=r"unknown command \\sigm$"):
        mathml.on_page_content('<span class="arithmatex">\\(\\sigm(z)\\)</span>', page=FakePage())


def test_a_tooltip_only_at_a_terms_first_use_in_each_section_and_never_in_headings():
    html = ('<h2>A <abbr title="T">weight</abbr></h2><p>The <abbr title="T">weight</abbr> and '
            '<abbr title="T">weights</abbr>, a <abbr title="U">bias</abbr>.</p>'
            '<figure><figcaption><abbr title="U">bias</abbr></figcaption></figure>'
            '<table><tr><th><abbr title="T">weight</abbr></th></tr></table>'
            '<h2>B</h2><p><a href="x"><abbr title="T">weight</abbr></a> <abbr title="T">weights</abbr></p>')
    assert glossary.first_uses_only(html) == (
        '<h2>A weight</h2><p>The <abbr title="T" tabindex="0">weight</abbr> and weights, a '
        '<abbr title="U" tabindex="0">bias</abbr>.</p><figure><figcaption>bias</figcaption></figure>'
        '<table><tr><th>weight</th></tr></table>'
        '<h2>B</h2><p><a href="x">weight</a> <abbr title="T" tabindex="0">weights</abbr></p>')
    # Once per page (the reference page's front matter): section B's first use is plain too.
    assert glossary.first_uses_only(html, per_section=False).endswith('<h2>B</h2><p><a href="x">weight</a> weights</p>')


def test_glossary_terms_are_read_from_the_glossary_page():
    entries = dict(glossary.glossary_entries((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")))
    assert {"Weight", "Bias", "Gradient", "Learning rate", "Sigmoid", "Backpropagation"} <= set(entries)
    assert all(len(definition.split()) >= 5 for definition in entries.values())


def test_glossary_tooltips_cover_the_forms_readers_meet():
    assert glossary.forms("Bias") == {"Bias", "bias", "Biases", "biases"}
    assert "batches" in glossary.forms("Batch") and "epochs" in glossary.forms("Epoch")
    assert {"learning rate", "Learning rate", "learning rates"} <= glossary.forms("Learning rate")
    markdown = glossary.on_page_markdown("Each weight counts.", page=None)
    assert "\n*[weight]: A number that says how strongly one input of a neuron counts." in markdown


def test_tooltips_show_on_built_pages(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="' in html


def test_notebook_pages_lose_cdn_scripts_and_unused_css_and_get_a_download_button():
    class NotebookPage:
        class file:
            src_uri = "complete-picture/from-scratch.ipynb"

    unused = ".jp-Unused{color:red}" * 5000  # large enough to count as JupyterLab's theme
    html = (
        '<style type="text/css">.jp-Cell{color:var(--jp-ink)}.jupyter-wrapper{--jp-ink:#111;--jp-unused:#222}'
        "@media print{.jp-Cell{color:black}.jp-Gone{color:red}}" + unused + "</style>"
        '<!-- Load mathjax -->\n<script src=""> </script>\n<script type="text/x-mathjax-config">init()</script>\n'
        "<!-- End of mathjax configuration -->"
        '<script type="module">const m = await import("https://cdn.example/mermaid.mjs");</script>'
        '<article class="md-content__inner md-typeset"><div class="jupyter-wrapper">'
        '<h1 id="t">Title</h1><div class="jp-Cell">x</div></div>'
    )
    page = notebooks.on_post_page(html, page=NotebookPage())
    assert "<script" not in page and "cdn.example" not in page
    assert ".jp-Cell{color:var(--jp-ink)}" in page and "--jp-ink:#111" in page
    assert "jp-Unused" not in page and "--jp-unused" not in page and "jp-Gone" not in page
    assert "@media print{.jp-Cell{color:black}}" in page
    assert '<a class="md-button" href="from-scratch.ipynb" download>' in page
    assert page.index("Title</h1>") < page.index('class="md-button"')  # under the title, not above
    assert notebooks.on_post_page(html, page=FakePage()) == html  # other pages are left alone


def test_a_figure_or_fact_is_redone_only_when_its_code_or_data_changes(tmp_path):
    import snippet_modules

    (tmp_path / "figures_a.py").write_text("import numpy\nfrom results_a import X\n")
    (tmp_path / "results_a.py").write_text("import network\nX = 1\n")
    (tmp_path / "network.py").write_text("A = 1\n")
    (tmp_path / "figures_b.py").write_text("B = 1\n")
    block = "from results_a import X\nprint(X)\n"

    def keys():
        return snippet_modules.module_key("figures_a", tmp_path), snippet_modules.code_key(block, tmp_path)

    first = keys()
    assert keys() == first  # unchanged code: the cached figure and output are used
    (tmp_path / "figures_b.py").write_text("B = 2\n")
    assert keys() == first  # another chapter's figures changed
    (tmp_path / "network.py").write_text("A = 2\n")
    assert keys()[0] != first[0] and keys()[1] != first[1]  # code they depend on, two imports away
    assert snippet_modules.code_key(block + "print(1)\n", tmp_path) != keys()[1]  # the block itself


def test_each_figure_has_a_key_of_its_own(tmp_path, monkeypatch):
    import importlib

    import snippet_modules

    (tmp_path / "figs_x.py").write_text(
        "import results_p\nfrom results_q import Q\n\n\ndef helper():\n    return results_p.P\n\n\n"
        "def draw_p():\n    return helper()\n\n\ndef draw_q():\n    return Q\n")
    (tmp_path / "results_p.py").write_text("P = 1\n")
    (tmp_path / "results_q.py").write_text("Q = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("figs_x")
    before = snippet_modules.function_key(module.draw_p), snippet_modules.function_key(module.draw_q)
    (tmp_path / "results_p.py").write_text("P = 2\n")  # what draw_p draws, through its helper
    after = snippet_modules.function_key(module.draw_p), snippet_modules.function_key(module.draw_q)
    assert after[0] != before[0] and after[1] == before[1]


def test_figures_script_draws_every_figure_into_the_folder_it_is_given(tmp_path):
    import subprocess

    import figures

    every = figures.all_figures()
    assert len(every) > 10 and "activations" in every
    # One of figures.py's own and one a chapter registers: run as a script, figures.py is
    # "__main__", and it must still find the figures the chapters register with "figures".
    names = ["activations", next(name for name, draw in sorted(every.items()) if draw.__module__ != "figures")]
    script = ROOT / "snippets" / "figures.py"
    result = subprocess.run([sys.executable, str(script), str(tmp_path / "out"), *names],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    drawn = sorted(path.name for path in (tmp_path / "out").iterdir())
    assert drawn == sorted(figures.file_name(name, scheme, variant) for name in names
                           for variant in figures.variants(name) for scheme in ("light", "dark"))
    assert "activations-narrow-light.svg" in drawn  # a figure with a phone version draws it too
    assert [path.name for path in tmp_path.iterdir()] == ["out"]  # nothing in the current folder
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0 and "usage: python snippets/figures.py FOLDER" in result.stderr


# --- fill_in: computed numbers and printed outputs go into the pages at build ---------------

FACTS = {"error": 0.25634, "epochs": 2000, "table": "| a |\n| - |\n| 1 |", "rate": 2.0}


def test_facts_are_filled_in_with_their_format():
    page = "Error {{ error:.4f }} after {{ epochs }} steps ({{epochs:d}}), rate {{ rate:g }}."
    assert fill_in.fill_facts(page, FACTS, "p.md") == "Error 0.2563 after 2,000 steps (2000), rate 2."


def test_a_table_keeps_its_indentation_and_code_is_left_alone():
    page = "??? note\n\n    {{ table }}\n\n```python\nprint(f\"{{ error }}\")\n```"
    filled = fill_in.fill_facts(page, FACTS, "p.md")
    assert "    | a |\n    | - |\n    | 1 |" in filled
    assert 'print(f"{{ error }}")' in filled


def test_bad_placeholders_stop_the_build_and_say_why():
    with pytest.raises(PluginError, match=r"p.md: unknown fact \{\{ eror \}\}"):
        fill_in.fill_facts("{{ eror }}", FACTS, "p.md")
    with pytest.raises(PluginError, match=r"is a float \(0.25634\): say how to show it"):
        fill_in.fill_facts("{{ error }}", FACTS, "p.md")
    with pytest.raises(PluginError, match=r"cannot show \{\{ table \}\}"):
        fill_in.fill_facts("{{ table:.2f }}", FACTS, "p.md")


def test_an_output_marker_becomes_what_the_block_prints():
    page = "Text.\n\n    ```python\n    for k in range(2):\n        print(k * 1.5)\n    ```\n\n    <!-- output -->\n"
    filled = fill_in.fill_outputs(page, lambda code, where: fill_in.run_block(code, where), "p.md")
    assert filled == ("Text.\n\n    ```python\n    for k in range(2):\n        print(k * 1.5)\n    ```\n\n"
                      "    ```text\n    0.0\n    1.5\n    ```\n")


def test_bad_output_markers_stop_the_build_and_say_why():
    def output(code, where):
        return fill_in.run_block(code, where)

    with pytest.raises(PluginError, match=r"p.md, the block at line 1: the code block raised ZeroDivisionError"):
        fill_in.fill_outputs("```python\n1 / 0\n```\n\n<!-- output -->", output, "p.md")
    with pytest.raises(PluginError, match=r"the block at line 1 prints nothing"):
        fill_in.fill_outputs("```python\nx = 1\n```\n\n<!-- output -->", output, "p.md")
    with pytest.raises(PluginError, match=r"<!-- output --> at line 3 does not follow a ```python block"):
        fill_in.fill_outputs("Text.\n\n<!-- output -->", output, "p.md")


def test_every_fact_is_a_number_or_markdown_and_every_placeholder_is_known():
    import facts

    known = facts.all_facts()
    used = set()
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        used |= {match["name"] for match in fill_in.PLACEHOLDER.finditer(text)}
        fill_in.fill_facts(text, known, str(page))  # raises on an unknown name or a bad spec
    assert sorted(set(known) - used) == [], "facts that no page shows: remove them, or show them"


def test_the_store_keeps_what_this_build_used_however_old_it_is():
    stored = {f"old{k}": k for k in range(20)}
    kept = fill_in.newest_last(stored, {"old0": 0, "new": 1}, versions=2)
    assert list(kept)[-2:] == ["old0", "new"] and len(kept) == 4  # used last; two versions' worth
