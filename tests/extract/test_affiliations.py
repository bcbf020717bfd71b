from kizuna.extract.affiliations import companies_before, company_refs, sentence_companies
from kizuna.extract.companies import find_companies

from ._articles import article


def test_companies_of_each_sentence_are_found_once_and_feed_the_places():
    art = article("Toyota Motor Corporation opened a plant in Hai Phong. Minister Thang met Gunma Bank. "
                  "No company here.")
    found = sentence_companies(art)
    assert sentence_companies(art) is found
    assert found == tuple(tuple(find_companies(art.text, s.start, s.end, art.gazetteer)) for s in art.sentences)
    assert found[-1] == ()
    assert [ref.name for _, ref in companies_before(art, len(art.text))] == [c.name for per in found for c in per]
    assert len(companies_before(art, len(art.text))) >= 2
    second = art.sentences[1]
    assert [ref.name for _, ref in company_refs(art, second.start, second.end)] == [c.name for c in found[1]]
    assert company_refs(art, second.start, second.end) is company_refs(art, second.start, second.end)
    assert [ref.name for _, ref in companies_before(art, second.start)] == [c.name for c in found[0]]
