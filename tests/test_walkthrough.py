"""snippets/walkthrough.py: one training step of the running example, laid out as tables."""

import numpy as np
import pytest

import running_example
import walkthrough
from training import train_step


@pytest.fixture(scope="module")
def step():
    return walkthrough.one_step()


def rows_of(table):
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()[2:]]


def test_one_step_matches_the_training_code(step):
    network = running_example.make_network()
    inputs, targets = running_example.data()
    loss = train_step(network, inputs, targets, running_example.LEARNING_RATE, running_example.LOSS)
    assert step["loss"] == pytest.approx(loss)
    assert step["loss_after"] == pytest.approx(network.loss(inputs, targets))
    after = [float(row[-1]) for row in rows_of(walkthrough.update_table(step))]
    new_values = np.concatenate([network.weights[0].T.ravel(), network.biases[0],
                                 network.weights[1].ravel(), network.biases[1]])
    assert after == pytest.approx(np.round(new_values, 4), abs=1e-12)


def test_one_step_leaves_the_running_example_untouched(step):
    fresh = running_example.make_network()
    for kept, original in zip(step["weights"] + step["biases"], fresh.weights + fresh.biases):
        assert np.array_equal(kept, original)


def test_every_weight_and_bias_is_in_the_update(step):
    names = walkthrough.parameter_names()
    assert len(names) == 9 and len(set(names)) == 9
    rows = rows_of(walkthrough.update_table(step))
    assert [row[0] for row in rows] == names
    assert sum(name.startswith("bias") for name in names) == 3
    for row in rows:
        value, gradient, change, after = map(float, row[1:])
        assert change == pytest.approx(-running_example.LEARNING_RATE * gradient, abs=2e-5)


def test_the_blame_tables_multiply_out(step):
    for row in rows_of(walkthrough.output_blame_table(step)):
        _, _, error_per_guess, slope, blame = row
        assert float(error_per_guess) * float(slope) == pytest.approx(float(blame), abs=1e-4)
    w1, w2 = step["weights"][1][:, 0]
    for row in rows_of(walkthrough.hidden_blame_table(step)):
        _, blame_out, slope1, blame1, slope2, blame2 = map(lambda c: float(c) if c[0] != "(" else c, row)
        assert blame_out * w1 * slope1 == pytest.approx(blame1, abs=1e-4)
        assert blame_out * w2 * slope2 == pytest.approx(blame2, abs=1e-4)


def test_weight_gradient_sum_adds_up(step):
    text = walkthrough.weight_gradient_sum(step)
    terms, total = text.split(" = ")
    products = [float(a) * float(b.strip("()")) for a, b in (t.split(" × ") for t in terms.split(" + "))]
    assert sum(products) == pytest.approx(float(total), abs=1e-4)
    assert float(total) == pytest.approx(step["weight_gradients"][1][0, 0], abs=1e-5)


def test_check_table_shows_agreement_for_all_nine(step):
    rows = rows_of(walkthrough.check_table(step))
    assert len(rows) == 9
    assert all(float(row[1]) == pytest.approx(float(row[2]), abs=1e-8) for row in rows)
    summary = rows_of(walkthrough.check_summary_table(step))
    assert [row[0] for row in summary] == ["weights into h1 and h2", "biases of h1 and h2",
                                           "weights into out", "bias of out"]
    assert all(row[2] == "below 1e-9" for row in summary) and walkthrough.SHOWN_BELOW == 1e-9
    sizes = [np.linalg.norm(g) for pair in zip(step["weight_gradients"], step["bias_gradients"]) for g in pair]
    assert [row[1] for row in summary] == [f"{size:.4f}" for size in sizes]


def test_starting_weights_table_lists_each_neuron(step):
    rows = rows_of(walkthrough.starting_weights_table(step))
    assert [row[0] for row in rows] == ["h1", "h2", "out"]
    weights, biases = step["weights"], step["biases"]
    for h, row in enumerate(rows[:2]):
        assert row[1].startswith("x1: ") and row[2].startswith("x2: ")
        shown = [float(row[1][4:]), float(row[2][4:]), float(row[3])]
        assert shown == pytest.approx([weights[0][0, h], weights[0][1, h], biases[0][h]], abs=5e-5)
    out = rows[2]
    assert out[1].startswith("h1: ") and out[2].startswith("h2: ")
    shown = [float(out[1][4:]), float(out[2][4:]), float(out[3])]
    assert shown == pytest.approx([weights[1][0, 0], weights[1][1, 0], biases[1][0]], abs=5e-5)


def test_the_example_followed_all_the_way(step):
    k = walkthrough.example_index(step)
    assert tuple(step["inputs"][k]) == walkthrough.EXAMPLE
    rows = {row[0]: row for row in rows_of(walkthrough.one_example_table(step))}
    assert float(rows["h1 sum"][2]) == pytest.approx(step["sums"][0][k, 0], abs=5e-5)
    assert float(rows["guess"][2]) == pytest.approx(step["outputs"][1][k, 0], abs=5e-5)
    assert float(rows["blame at out"][2]) == pytest.approx(step["blames"][1][k, 0], abs=5e-6)
    assert float(rows["blame at h2"][2]) == pytest.approx(step["blames"][0][k, 1], abs=5e-6)
    # each row worked out from the rounded numbers lands within a unit or two of the code's value
    for name, row in rows.items():
        worked = row[1]
        if worked[0].isdigit() or worked[0] in "(-":
            value = eval(worked.replace("×", "*").replace("−", "-").replace("²", "**2"))
            assert value == pytest.approx(float(row[2]), abs=2e-4), name


def test_paths_to_input_add_up_to_the_slope_with_that_input(step):
    paths, total = walkthrough.paths_to_input(step)
    k = walkthrough.example_index(step)
    expected = step["blames"][0][k] @ step["weights"][0][0]
    assert total == pytest.approx(expected, rel=1e-12) and sum(paths) == pytest.approx(total, rel=1e-12)
