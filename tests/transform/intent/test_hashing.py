import numpy as np

from transform.intent.hashing import char_ngrams, encode, word_hashes, word_ngrams, words


def test_encode_assigns_every_character_to_its_text():
    corpus = encode(["ab", "", "xyz"])
    assert corpus.n_docs == 3
    assert len(corpus.doc) == len(corpus.codes)
    assert np.bincount(corpus.doc[corpus.codes != 0], minlength=3).tolist() == [2, 0, 3]


def test_char_ngrams_of_a_text_do_not_depend_on_its_neighbours():
    alone_doc, alone = char_ngrams(encode(["hiring now"]), 2, 5, 20)
    doc, cols = char_ngrams(encode(["we ship", "hiring now", "x"]), 2, 5, 20)
    assert sorted(cols[doc == 1].tolist()) == sorted(alone.tolist())
    assert np.all(np.diff(doc) >= 0), "occurrences come out sorted by text"
    assert len(alone) == 9 + 8 + 7 + 6  # n-grams of a 10-character text, n = 2..5


def test_word_hash_is_the_same_wherever_the_word_stands():
    tokens = words(encode(["apply today", "please apply"]))
    assert tokens.hashes[0] == tokens.hashes[3]
    assert tokens.hashes[0] == word_hashes(["apply"])[0]
    assert word_hashes(["two words"])[0] == 0, "multi-token entries are rejected"


def test_word_bigrams_stay_inside_a_text():
    tokens = words(encode(["one two", "three"]))
    doc, _ = word_ngrams(tokens, 18)
    assert doc.tolist() == [0, 0, 0, 1]  # one, one_two, two, three


def test_non_ascii_letters_are_word_characters():
    tokens = words(encode(["Bewerbung für Stellen — únete"]))
    assert len(tokens.hashes) == 4
