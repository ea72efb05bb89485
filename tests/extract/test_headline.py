"""The headline is the one the page shows, without the site's name tacked on."""

from newsdesk.extract.metadata import headline


def test_the_sites_name_is_cut_from_the_declared_title():
    assert headline("Bike review | MoreBikes", [], "MoreBikes", "") == "Bike review"
    assert headline("Davis Cup Finals - Sportsnet", [], "Sportsnet.ca", "") == "Davis Cup Finals"
    assert (
        headline(
            "Loja dos Materiais - Como Educar Seus Filhos",
            [],
            "",
            "https://comoeducarseusfilhos.com.br/x",
        )
        == "Loja dos Materiais"
    )


def test_a_dash_inside_the_headline_stays():
    assert headline("Rates rise – and why it matters", [], "Harbour Post", "") == (
        "Rates rise – and why it matters"
    )


def test_the_h1_wins_when_the_declared_title_is_it_plus_more():
    assert headline("Storm closes port: live", ["Storm closes port"], "", "") == "Storm closes port"


def test_entities_escaped_twice_are_decoded():
    assert headline("&amp;#8216;Medium&amp;#8217; festival", [], "", "") == "‘Medium’ festival"


def test_the_h1_is_used_when_nothing_is_declared():
    assert headline("", ["Only the h1"], "", "") == "Only the h1"


def test_the_pages_only_h1_wins_over_a_title_worded_for_search():
    declared = "Ferry strike: Port Alder dockers walk out over night-shift pay | Harbour Post"
    shown = "Dockers walk out at Port Alder as night-shift talks fail"
    assert headline(declared, [shown], "Harbour Post", "") == shown
    # The same <h1> printed twice (a sticky header) is still the one headline.
    assert headline(declared, [shown, shown], "Harbour Post", "") == shown


def test_an_h1_that_is_no_headline_leaves_the_declared_title():
    declared = "Dockers walk out at Port Alder as night-shift talks fail"
    assert headline(declared, ["Harbour Post"], "Harbour Post", "") == declared
    assert headline(declared, ["Why don't you fight for the reindeer?"], "", "") == declared
    two = ["Dockers strike again", "Ferry timetable for the strike week"]
    assert headline(declared, two, "", "") == declared
