from kizuna.document import Document, content_hash


def test_the_same_article_hashes_alike_whatever_its_spacing_case_or_bom():
    a = "\ufeffJapan had 5,681 projects.\n\nAs of October 31."
    b = "japan had 5,681   projects. as of october 31."
    assert content_hash(a) == content_hash(b)
    assert Document("x", a).content_hash == Document("y", b).content_hash


def test_different_articles_hash_differently():
    assert content_hash("Japan had 5,681 projects.") != content_hash("Japan had 5,682 projects.")
