"""snippets/softmax.py: chances that add up to 1, safe for large scores, and the slope of
cross-entropy with softmax, checked against finite differences."""

import numpy as np
import pytest

from softmax import softmax, softmax_cross_entropy, softmax_cross_entropy_slope, softmax_naive

SCORES = np.array([[2.0, 1.0, 0.1], [-1.0, 3.0, 0.5], [0.0, 0.0, 0.0], [4.0, -2.0, 1.0]])
ONE_HOT = np.eye(3)[[1, 1, 0, 2]]


def test_chances_are_positive_add_up_to_1_and_keep_the_order():
    chances = softmax(SCORES)
    assert chances.shape == SCORES.shape
    assert np.all(chances > 0)
    np.testing.assert_allclose(chances.sum(axis=1), 1.0, rtol=0, atol=1e-15)
    assert (np.argsort(chances, axis=1) == np.argsort(SCORES, axis=1)).all()
    np.testing.assert_allclose(softmax([0.0, 0.0, 0.0, 0.0]), 0.25)


def test_matches_the_definition_where_the_definition_works():
    np.testing.assert_allclose(softmax(SCORES), softmax_naive(SCORES), rtol=1e-14)
    by_hand = np.exp(SCORES[0]) / np.exp(SCORES[0]).sum()
    np.testing.assert_allclose(softmax(SCORES[0]), by_hand, rtol=1e-14)


def test_adding_the_same_number_to_every_score_changes_nothing():
    for shift in (-500.0, 7.0, 1000.0):
        np.testing.assert_allclose(softmax(SCORES + shift), softmax(SCORES), rtol=1e-12)


def test_the_naive_form_overflows_on_large_scores_and_the_stable_form_does_not():
    big = SCORES[0] + 1000.0
    assert np.isnan(softmax_naive(big)).all()
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(big)).all()  # the cause: e**1000 does not fit in a float
    np.testing.assert_allclose(softmax(big), softmax(SCORES[0]), rtol=1e-12)
    # Very negative scores: the naive form divides 0 by 0.
    assert np.isnan(softmax_naive(SCORES[0] - 1000.0)).all()
    np.testing.assert_allclose(softmax(SCORES[0] - 1000.0), softmax(SCORES[0]), rtol=1e-12)


def test_cross_entropy_is_minus_the_log_of_the_right_class_chance():
    chances = softmax(SCORES)
    expected = -np.mean(np.log(chances[np.arange(4), [1, 1, 0, 2]]))
    assert softmax_cross_entropy(SCORES, ONE_HOT) == pytest.approx(expected, rel=1e-14)
    # Sure and wrong costs a lot, sure and right almost nothing; large scores stay finite.
    assert softmax_cross_entropy([[1000.0, 0.0]], [[0.0, 1.0]]) == pytest.approx(1000.0)
    assert softmax_cross_entropy([[1000.0, 0.0]], [[1.0, 0.0]]) < 1e-12


def test_slope_is_chances_minus_targets_over_the_examples():
    np.testing.assert_allclose(
        softmax_cross_entropy_slope(SCORES, ONE_HOT), (softmax(SCORES) - ONE_HOT) / len(SCORES)
    )
    # Each row of the slope adds up to 0: raising every score together changes nothing.
    np.testing.assert_allclose(softmax_cross_entropy_slope(SCORES, ONE_HOT).sum(axis=1), 0.0, atol=1e-15)


@pytest.mark.parametrize("scores", [SCORES, SCORES * 10.0, SCORES[1]])
def test_slope_matches_finite_differences(scores):
    targets = ONE_HOT if scores.ndim == 2 else ONE_HOT[1]
    slope = softmax_cross_entropy_slope(scores, targets)
    step = 1e-6
    numeric = np.zeros_like(scores)
    for index in np.ndindex(scores.shape):
        up, down = scores.copy(), scores.copy()
        up[index] += step
        down[index] -= step
        numeric[index] = (softmax_cross_entropy(up, targets) - softmax_cross_entropy(down, targets)) / (2 * step)
    np.testing.assert_allclose(slope, numeric, atol=1e-8)


def test_a_confidently_wrong_class_keeps_its_full_blame():
    slope = softmax_cross_entropy_slope([[20.0, 0.0, 0.0]], [[0.0, 1.0, 0.0]])
    assert slope[0, 0] > 0.999 and slope[0, 1] < -0.999


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="scores must be an array of numbers"):
        softmax("big")
    with pytest.raises(ValueError, match="scores must be 1-D .* got shape"):
        softmax(np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="scores are empty"):
        softmax([])
    with pytest.raises(ValueError, match="NaN or infinite"):
        softmax([1.0, np.inf])
    with pytest.raises(ValueError, match="same shape as the scores"):
        softmax_cross_entropy(SCORES, ONE_HOT[:, :2])
    with pytest.raises(ValueError, match="between 0 and 1"):
        softmax_cross_entropy_slope(SCORES, ONE_HOT * 2 - 0.5)
    with pytest.raises(ValueError, match="must add up to 1"):
        softmax_cross_entropy(SCORES, np.zeros_like(SCORES))
    with pytest.raises(TypeError, match="targets must be an array of numbers"):
        softmax_cross_entropy(SCORES, "dog")
