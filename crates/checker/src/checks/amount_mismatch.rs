//! `amount-mismatch`: an amount tied to a fact differs beyond its stated
//! precision.

use claims::{ClaimKind, Hedge};
use facts::Unit;

use super::Check;
use crate::matching;
use crate::numbers;
use crate::{Context, Diagnostic, Findings, Label, Severity};

/// The check.
pub const CHECK: Check = Check {
    code: "amount-mismatch",
    severity: Severity::Error,
    summary: "an amount tied to a fact differs beyond its stated precision",
    doc: "\
**What it checks.** Each amount of money, count or percentage that the matcher ties to one \
fact (same subject, the fact's cue words nearby, the same period) is compared with the fact's \
value at the precision the article states, widened by its hedge: \"15.5 billion\" stands for \
15.45 to 15.55 billion, \"more than 300 million\" for at least 299.5 million. Amounts in \
another currency are converted with the rates of the fact base; the fact's very figure in a \
currency that no rate links and no fact counts in (\"£250,000\" for a fine of $250,000) is a \
wrong currency. A fact's `accept` values count \
as right.

**Why.** A wrong figure is the most common factual error in news copy, and the one readers \
repeat.

**Example.** With the fact `acme-pledge: 100 billion CNY`, \"Acme will invest 10 billion yuan\" \
is reported: the facts say 100 billion yuan. \"$15.5 billion\" for the same pledge agrees at \
about 6.46 yuan per dollar. When the number agrees but the noun differs (\"68.7 million users\" \
for a fact counting donations), a note says so; when it disagrees and the noun is neither the \
fact's nor one of its cues (\"four rounds\" beside a fact counting seats), it is left unverified: \
it most likely counts something else. So is a figure beside a fact the article states rightly \
elsewhere, unless it could be a slip of that value (a digit changed or two swapped at the same \
scale, another scale word or currency, or within a factor of two): \"an estimated 40,000 megawatts of \
potential\" beside a right \"1,050-megawatt plant\" is another figure, \"441,000 barrels per \
day\" below a headline's 411,000 is reported. In the paragraph of a sum or of one of its parts \
stated rightly, another figure is another member of the sum (\"214 cases ... Of those, 178 \
were confirmed\" is checked against the confirmed cases); and where two members are stated \
rightly in a paragraph and one member is stated rightly nowhere, the one figure of their \
sentences that could be a slip of it is that member, even without its unit (\"lost 48,700 \
vehicles: 32,100 at Northfield and 17,500 at Eastmoor\", beside 31,200 at Northfield). Among several close \
candidates, a figure is the one fact it could be mistyped from (two digits swapped, the same \
digits at another scale, or one of three or more digits changed), if only one.",
    run,
};

fn run(ctx: &Context<'_>) -> Findings {
    let mut out = Findings::default();
    for (i, claim) in ctx.claims().iter().enumerate() {
        if matches!(claim.kind, ClaimKind::Malformed { .. }) {
            continue;
        }
        let Some(stated) = matching::stated_amount(claim) else {
            continue;
        };
        let Some((m, q)) = ctx.matched_quantity(i) else {
            continue;
        };
        // The words are copied only for a diagnostic: most matched amounts
        // are confirmed.
        let found = || ctx.words(&stated.span).to_owned();
        if m.confirms() {
            out.verified.push(i);
            if let (Some(Unit::Noun(said)), Unit::Noun(fact_noun)) = (&stated.unit, &q.value.unit) {
                let accepted = q
                    .accept
                    .iter()
                    .any(|a| matches!(&a.unit, Unit::Noun(n) if n == said));
                // Measures of one dimension were converted: no other noun.
                let words = ctx.words(&stated.span);
                let same = matching::same_noun(said, fact_noun, words)
                    || matching::its_noun_at_its_rate(said, q, words)
                    || facts::measure::measure(said).is_some();
                if m.agrees && !m.accepted_only && !same && !accepted {
                    out.diagnostics.push((
                        Diagnostic {
                            code: CHECK.code,
                            severity: Severity::Note,
                            message: format!(
                                "the number is right, but the fact counts {fact_noun}, not {said}"
                            ),
                            span: stated.span.clone(),
                            found: found(),
                            expected: Some(numbers::render_exact_like(
                                q.value.value().unwrap_or_default(),
                                &claims::Amount {
                                    unit: Some(q.value.unit.clone()),
                                    ..stated.clone()
                                },
                            )),
                            fact: Some(q.id.clone()),
                            labels: Vec::new(),
                            help: Some({
                                let mut help = String::with_capacity(160);
                                help.push_str(q.what.as_deref().unwrap_or(&q.id));
                                help.push_str(" is ");
                                numbers::render_fact_into(&mut help, &q.value);
                                help.push_str("; see ");
                                ctx.cite_into(&mut help, &q.id);
                                help
                            }),
                        },
                        Vec::new(),
                    ));
                }
            }
            continue;
        }
        if !m.contradicts() || counts_something_else(stated, q, ctx.words(&stated.span)) {
            continue;
        }
        // The figure in another currency than the fact's, with no rate
        // between them: the currency is what is wrong.
        let swapped = matching::currency_swap(ctx.facts, stated, &q.value);
        let date = matching::rate_date(Some(q), claim, ctx.published());
        let interval = if swapped {
            q.value
                .value()
                .map(|v| (numbers::Interval::exact(v), false))
        } else {
            matching::fact_interval(ctx.facts, &q.value, stated.unit.as_ref(), date.as_ref())
        };
        let Some((fact_interval, far)) = interval else {
            continue;
        };
        if far {
            continue;
        }
        let Some(middle) = fact_interval
            .lo
            .checked_add(fact_interval.hi)
            .and_then(|s| s.checked_div(rust_decimal::Decimal::TWO))
        else {
            continue;
        };
        let expected = if swapped {
            numbers::render_exact_like(
                middle,
                &claims::Amount {
                    unit: Some(q.value.unit.clone()),
                    ..stated.clone()
                },
            )
        } else {
            numbers::render_exact_like(middle, stated)
        };
        let what = q.what.as_deref().unwrap_or(&q.id);
        let converted = !swapped
            && matches!((&stated.unit, &q.value.unit), (Some(Unit::Currency(a)), Unit::Currency(b)) if a != b);
        // Most helps run past 160 bytes (the fact's rendering and source).
        let mut help = String::with_capacity(384);
        help.push_str(what);
        help.push_str(": ");
        numbers::render_fact_into(&mut help, &q.value);
        if converted {
            help.push_str(", about ");
            help.push_str(&expected);
            help.push_str(" at the rates of the fact base");
        }
        help.push_str("; ");
        ctx.cite_into(&mut help, &q.id);
        let hedge = match stated.hedge {
            Hedge::None => "",
            _ => " (allowing for its hedge)",
        };
        let found = found();
        let mut message = String::with_capacity(64 + found.len() + what.len() + expected.len());
        message.push_str(&found);
        message.push_str(" does not match ");
        message.push_str(what);
        message.push_str(hedge);
        message.push_str(": the facts say ");
        message.push_str(&expected);
        let labels = match &claim.kind {
            ClaimKind::Conversion { to, .. } => vec![Label {
                span: to.span.clone(),
                message: "its conversion".into(),
                path: None,
            }],
            _ => Vec::new(),
        };
        out.diagnostics.push((
            Diagnostic {
                code: CHECK.code,
                severity: Severity::Error,
                message,
                span: stated.span.clone(),
                found,
                expected: Some(expected),
                fact: Some(q.id.clone()),
                labels,
                help: Some(help),
            },
            vec![i],
        ));
    }
    out
}

/// Whether a count names another noun than the fact's ("four rounds" of a
/// fact counting seats, "13 crew" of one counting passengers): a right
/// number is worth a note, a wrong one is most likely about something
/// else. A noun that is one of the fact's cues or accepted nouns is the
/// fact's.
fn counts_something_else(stated: &claims::Amount, q: &facts::model::Quantity, words: &str) -> bool {
    let (Some(Unit::Noun(said)), Unit::Noun(fact_noun)) = (&stated.unit, &q.value.unit) else {
        return false;
    };
    !(matching::same_noun(said, fact_noun, words)
        || matching::its_noun_at_its_rate(said, q, words)
        || facts::measure::measure(said).is_some()
        || q.cues.iter().any(|c| c == said)
        || q.accept
            .iter()
            .any(|a| matches!(&a.unit, Unit::Noun(n) if n == said)))
}

#[cfg(test)]
mod tests {
    use crate::testing::check;

    const FACTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
quantities:
  - { id: acme-pledge, subject: acme, what: the pledge, cues: [invest, pledge], value: 100 billion CNY, date: 2021-09-02 }
  - { id: acme-users, subject: acme, what: donations, cues: [donated], value: 68.7 million donations }
rates:
  - { base: USD, quote: CNY, rate: 6.4577, on: 2021-09-03, tolerance: 1% }
";

    #[test]
    fn wrong_amounts_are_errors_right_ones_pass() {
        let found = check(
            FACTS,
            "Acme will invest 10 billion yuan in the plan.",
            "amount-mismatch",
        );
        assert_eq!(
            found,
            [
                "error \"10 billion yuan\": 10 billion yuan does not match the pledge: the facts say 100 billion yuan"
            ]
        );
        assert!(
            check(
                FACTS,
                "Acme will invest 100 billion yuan in the plan.",
                "amount-mismatch"
            )
            .is_empty()
        );
        assert!(
            check(
                FACTS,
                "Acme will invest $15.5 billion in the plan.",
                "amount-mismatch"
            )
            .is_empty()
        );
        assert_eq!(
            check(
                FACTS,
                "Acme will invest $12.5 billion in the plan.",
                "amount-mismatch"
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_right_number_with_the_wrong_noun_is_a_note() {
        let found = check(
            FACTS,
            "At Acme, more than 68.7 million users donated.",
            "amount-mismatch",
        );
        assert_eq!(
            found,
            [
                "note \"68.7 million users\": the number is right, but the fact counts donations, not users"
            ]
        );
    }

    #[test]
    fn a_synonym_counts_the_facts_noun() {
        const FLEET: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
quantities:
  - { id: diverted, subject: acme, what: vessels diverted, cues: [diverted], value: 46 vessels }
";
        let found = |body: &str| check(FLEET, body, "amount-mismatch");
        assert_eq!(found("Acme said 64 ships were diverted.").len(), 1);
        assert_eq!(
            found("Acme said 46 ships were diverted."),
            Vec::<String>::new()
        );
        // Another noun is something else.
        assert_eq!(
            found("Acme said 64 trucks were diverted."),
            Vec::<String>::new()
        );
    }

    const MEASURED: &str = "\
entities:
  - { id: quake, kind: organization, name: Quake Survey }
quantities:
  - { id: distance, subject: quake, what: the distance, cues: [southwest], value: 72 km, accept: [45 miles] }
  - { id: magnitude, subject: quake, what: the magnitude, cues: [struck], value: 6.8 magnitude }
  - { id: hike, subject: quake, what: the increase, cues: [raised], value: 25 basis points }
";

    #[test]
    fn a_figure_without_a_unit_counts_and_measures_nothing() {
        let found = |text| check(MEASURED, text, "amount-mismatch");
        // Distances are written with their unit.
        assert!(found("Quake Survey said 26,000 fled southwest.").is_empty());
        // A figure is compared with a fact without a measure.
        assert_eq!(
            found("Quake Survey said it struck at 6.3."),
            ["error \"6.3\": 6.3 does not match the magnitude: the facts say 6.8"]
        );
    }

    #[test]
    fn measures_compare_by_conversion_within_a_dimension() {
        let found = |text| check(MEASURED, text, "amount-mismatch");
        assert!(found("Quake Survey said it struck 45 miles southwest of the city.").is_empty());
        assert!(
            found("Quake Survey said it struck 72 kilometres southwest of the city.").is_empty()
        );
        assert!(found("Quake Survey said it struck 44.7 mi southwest of the city.").is_empty());
        assert_eq!(
            found("Quake Survey said it struck 72 miles southwest of the city."),
            ["error \"72 miles\": 72 miles does not match the distance: the facts say 45 miles"]
        );
        // A conversion rounded at its own significant digits agrees: 72 km
        // is 44.74 miles, which "40 miles" rounds and "30 miles" does not.
        assert!(found("Quake Survey said it struck 40 miles southwest of the city.").is_empty());
        assert_eq!(
            found("Quake Survey said it struck 30 miles southwest of the city.").len(),
            1
        );
        assert!(found("Quake Survey said it struck 72,000 metres southwest.").is_empty());
        // An accepted value counts in its own unit: 45 miles is no 45 km.
        assert_eq!(
            found("Quake Survey said it struck 45 km southwest of the city.").len(),
            1
        );
        assert!(found("Quake Survey raised it by 0.25 percentage points.").is_empty());
        assert_eq!(
            found("Quake Survey raised it by 25 percentage points."),
            [
                "error \"25 percentage points\": 25 percentage points does not match the increase: the facts say 0.25 percentage points"
            ]
        );
    }

    #[test]
    fn measures_and_counts_do_not_compare() {
        // "30 mph" is no magnitude, however close the cue.
        assert!(
            check(
                MEASURED,
                "Quake Survey said it struck with 7 acres lost.",
                "amount-mismatch"
            )
            .is_empty()
        );
        assert!(
            check(
                MEASURED,
                "Quake Survey said winds of 30 mph struck.",
                "amount-mismatch"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_wrong_number_of_another_noun_is_left_alone() {
        // Right, it is a note (above); wrong, it most likely counts
        // something else.
        assert!(
            check(
                FACTS,
                "At Acme, 50 million users donated.",
                "amount-mismatch"
            )
            .is_empty()
        );
        assert_eq!(
            check(
                FACTS,
                "At Acme, users donated 50 million donations.",
                "amount-mismatch"
            )
            .len(),
            1
        );
    }

    #[test]
    fn another_facts_value_beside_a_right_one_is_no_contradiction() {
        const FEES: &str = "\
entities:
  - { id: club, kind: organization, name: Northbridge }
quantities:
  - { id: fixed, subject: club, what: fixed fee, cues: [fee], value: 85 million EUR }
  - { id: add-ons, subject: club, what: add-ons, cues: [add-ons], value: 15 million EUR }
  - { id: total, subject: club, what: total fee, cues: [total], value: 100 million EUR, sum_of: [fixed, add-ons] }
";
        let right = "Northbridge will pay 100 million euros, made up of 85 million euros and \
                     15 million euros in add-ons.";
        assert!(check(FEES, right, "amount-mismatch").is_empty());
        // "the total fee" names the sum before the fixed fee its "fee"
        // also cues.
        let take = |total: &str| {
            format!(
                "Northbridge signed him for a fee of 85 million euros, and 15 million euros \
                 in add-ons could take the total fee to {total} million euros."
            )
        };
        assert!(check(FEES, &take("100"), "amount-mismatch").is_empty());
        assert_eq!(
            check(FEES, &take("110"), "amount-mismatch"),
            [
                "error \"110 million euros\": 110 million euros does not match total fee: the facts say €100 million"
            ]
        );
        // A value no fact has is still a second value of the add-ons.
        let wrong = "Northbridge will pay 110 million euros, made up of 85 million euros and \
                     15 million euros in add-ons.";
        assert_eq!(check(FEES, wrong, "amount-mismatch").len(), 1);
    }

    #[test]
    fn another_subjects_value_beside_a_right_one_is_no_contradiction() {
        const PRIZES: &str = "\
entities:
  - { id: winners, kind: organization, name: Montoro }
  - { id: losers, kind: organization, name: Sarrion }
quantities:
  - { id: winners-prize, subject: winners, what: winners' prize, cues: [winners], value: 4.5 million EUR }
  - { id: losers-prize, subject: losers, what: runners-up prize, cues: [receive], value: 2 million EUR }
";
        let text = |winners: &str| {
            format!(
                "The winners earn {winners} million euros, while Sarrion receive 2 million euros."
            )
        };
        assert!(check(PRIZES, &text("4.5"), "amount-mismatch").is_empty());
        assert_eq!(check(PRIZES, &text("5.5"), "amount-mismatch").len(), 1);
    }

    #[test]
    fn the_figure_in_a_currency_nothing_links_is_a_wrong_currency() {
        const FINES: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
quantities:
  - { id: fine, subject: acme, what: the fine, cues: [fine], value: 250000 USD }
";
        assert_eq!(
            check(FINES, "Acme must pay a £250,000 fine.", "amount-mismatch").len(),
            1
        );
        // Another figure in that currency says nothing: no rate converts it.
        assert!(check(FINES, "Acme must pay a £200,000 fine.", "amount-mismatch").is_empty());
        // Where a fact counts in pounds, "£250,000" may be that one's.
        let pounds = format!("{FINES}  - {{ id: fee, subject: acme, value: 9 GBP }}\n");
        assert!(check(&pounds, "Acme must pay a £250,000 fine.", "amount-mismatch").is_empty());
    }

    #[test]
    fn yen_sign_is_yen_where_the_facts_count_in_yen() {
        const YEN: &str = "\
entities:
  - { id: jal, kind: organization, name: JAL }
quantities:
  - { id: loss, subject: jal, what: the loss, cues: [loss], value: 15 billion JPY }
";
        assert!(check(YEN, "JAL expects a loss of ¥15 billion.", "amount-mismatch").is_empty());
        assert_eq!(
            check(YEN, "JAL expects a loss of ¥25 billion.", "amount-mismatch"),
            [
                "error \"¥25 billion\": ¥25 billion does not match the loss: the facts say 15 billion yen"
            ]
        );
        // Where the facts count in yuan too, "¥" stays yuan, as the
        // scanner reads it.
        let both = format!("{YEN}  - {{ id: sales, subject: jal, value: 3 billion CNY }}\n");
        assert!(
            check(
                &both,
                "JAL expects a loss of ¥25 billion.",
                "amount-mismatch"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_level_still_to_come_is_no_value_of_a_fact_of_its_time() {
        const NETWORK: &str = "\
entities:
  - { id: oberwick, kind: organization, name: Oberwick Rail }
quantities:
  - { id: stations, subject: oberwick, what: stations served, cues: [stations, network], value: 54 stations, date: 2025-06-30 }
  - { id: fleet, subject: oberwick, what: trains in the fleet, cues: [fleet, trains], value: 38 trains, date: 2025-06-30 }
  - { id: outlook, subject: oberwick, what: raised profit forecast, cues: [forecast], value: 58 billion JPY, date: 2025-07-10 }
";
        let said = |body: &str| {
            crate::testing::check_published(NETWORK, "2025-07-16", body, "amount-mismatch")
        };
        assert!(said(
            "A line to Westfield is due to open on Oct. 27, taking Oberwick Rail's network to 55 stations."
        )
        .is_empty());
        assert!(said("Oberwick Rail will expand its fleet to about 42 trains.").is_empty());
        // A level by a year after publication.
        assert!(
            said("Oberwick Rail's figures show its fleet growing to about 52 trains by 2030.")
                .is_empty()
        );
        assert_eq!(
            said("Oberwick Rail's figures show its fleet growing to about 52 trains.").len(),
            1
        );
        // A clause "and" opens shares the verb before it.
        assert!(said(
            "The deal will lift Oberwick Rail's fleet to 42 trains, from 38 today, and its network to 60 stations."
        )
        .is_empty());
        assert_eq!(
            said("Oberwick Rail will add 4 trains, and its network grew to 60 stations.").len(),
            1
        );
        // A level reached by now, or stated without "to", is checked.
        assert_eq!(
            said("Oberwick Rail's network grew to 55 stations.").len(),
            1
        );
        assert_eq!(
            said("Oberwick Rail will run its 42 trains in the new timetable.").len(),
            1
        );
        // A forecast is a level to come itself.
        assert_eq!(
            said("Oberwick Rail raised its profit forecast for the year to 53 billion yen.").len(),
            1
        );
    }

    #[test]
    fn a_part_of_the_whole_or_a_figure_for_each_is_no_value_of_the_whole() {
        const LEAGUE: &str = "\
entities:
  - { id: league, kind: organization, name: Pellacore League }
  - { id: ames, kind: person, name: Petra Ames }
quantities:
  - { id: played, subject: league, what: matches played, cues: [matches], value: 14 matches }
  - { id: ames-points, subject: ames, what: Ames's final score, cues: [points], value: 7.5 points }
  - { id: crowd, subject: league, what: the crowd, cues: [spectators], value: 12400 spectators }
";
        let said = |text: &str| check(LEAGUE, text, "amount-mismatch");
        let clear = |facts: &str, text: &str| check(facts, text, "amount-mismatch").is_empty();
        assert!(said("The Pellacore League saw five drawn matches out of 14.").is_empty());
        assert!(said("Petra Ames won. The two had been level at 6.5 points each.").is_empty());
        // "9,800 of the spectators" is a part of the 12,400; "13,100 of the
        // spectators" cannot be.
        assert!(said("The Pellacore League said 9,800 of the spectators stayed.").is_empty());
        assert_eq!(
            said("The Pellacore League said 13,100 of the spectators stayed.").len(),
            1
        );
        // A part and its whole, the fact being the rest of that whole.
        const FLIGHTS: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme Air }
quantities:
  - { id: cancelled, subject: acme, what: flights cancelled over the strike, cues: [cancelled, three days], value: 412 flights }
";
        assert!(clear(
            FLIGHTS,
            "Acme Air said it operated 158 of the 570 flights it had planned over the three days."
        ));
        assert!(!clear(
            FLIGHTS,
            "Acme Air said it operated 158 of the 590 flights it had planned over the three days."
        ));
        // Words may come between "of" and the whole.
        const HOMES: &str = "\
entities:
  - { id: fire, kind: place, name: Acme Flats }
quantities:
  - { id: destroyed, subject: fire, what: homes destroyed, cues: [homes, destroying], value: 412 homes }
";
        assert!(clear(
            HOMES,
            "The fire swept through Acme Flats, destroying 412 of the town's roughly 1,600 homes."
        ));
        // The size of a cut is no level.
        const RECORD: &str = "\
entities:
  - { id: race, kind: organization, name: Acme Marathon }
quantities:
  - { id: record, subject: race, what: previous course record, cues: [record, mark], value: 7572 seconds }
";
        assert!(clear(
            RECORD,
            "The Acme Marathon winner broke the course record, taking 31 seconds off the mark."
        ));
        // The whole itself, or another whole, is still checked.
        assert_eq!(said("The Pellacore League saw 15 matches.").len(), 1);
        assert_eq!(said("Petra Ames won. She had 6.5 points.").len(), 1);
    }

    #[test]
    fn what_was_expected_is_no_outcome() {
        const PROFIT: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
quantities:
  - { id: profit, subject: acme, what: operating profit, cues: [profit], value: 612 million EUR, period: 2025 }
";
        let said = |body: &str| {
            crate::testing::check_published(PROFIT, "2026-03-11", body, "amount-mismatch")
        };
        assert!(said("Analysts had expected Acme's 2025 profit of €598 million.").is_empty());
        assert_eq!(
            said("Acme's 2025 profit was better than expected at €598 million.").len(),
            1
        );
        assert_eq!(
            said("Acme's 2025 profit was as expected at €598 million.").len(),
            1
        );
    }

    #[test]
    fn a_range_between_two_figures_that_holds_the_value_agrees() {
        const GOLD: &str = "\
entities:
  - { id: bank, kind: organization, name: Quellmark Bank }
quantities:
  - { id: gold, subject: bank, what: gold as a share of reserves, cues: [gold, reserves], value: 24.5% }
";
        let said = |text: &str| check(GOLD, text, "amount-mismatch");
        assert!(
            said("Quellmark Bank will keep gold at between 20 and 30 percent of reserves.")
                .is_empty()
        );
        assert!(
            !said("Quellmark Bank will keep gold at between 25 and 30 percent of reserves.")
                .is_empty()
        );
    }

    #[test]
    fn rupees_and_dollars_are_the_ones_the_facts_count_in() {
        const RUPEES: &str = "\
entities:
  - { id: pdma, kind: organization, name: Dunmarrow Authority }
quantities:
  - { id: relief, subject: pdma, what: the relief package, cues: [package], value: 48.5 billion PKR }
";
        let said = |base: &str, text: &str| check(base, text, "amount-mismatch");
        assert!(
            said(
                RUPEES,
                "The Dunmarrow Authority's package is 48.5 billion rupees."
            )
            .is_empty()
        );
        assert!(
            said(
                RUPEES,
                "The Dunmarrow Authority's package is Rs 48.5 billion."
            )
            .is_empty()
        );
        assert_eq!(
            said(
                RUPEES,
                "The Dunmarrow Authority's package is 45.8 billion rupees."
            )
            .len(),
            1
        );
        const DOLLARS: &str = "\
entities:
  - { id: hydro, kind: organization, name: Northvale Hydro }
quantities:
  - { id: capex, subject: hydro, what: the dam's cost, cues: [cost], value: 4.2 billion CAD }
";
        assert!(said(DOLLARS, "Northvale Hydro put the cost at $4.2 billion.").is_empty());
        assert!(
            said(
                DOLLARS,
                "Northvale Hydro put the cost at 4.2 billion dollars."
            )
            .is_empty()
        );
        assert_eq!(
            said(DOLLARS, "Northvale Hydro put the cost at $2.4 billion.").len(),
            1
        );
        // Where the facts count in US dollars too, "$" stays American.
        let both = format!("{DOLLARS}  - {{ id: loan, subject: hydro, value: 1 billion USD }}\n");
        assert!(said(&both, "Northvale Hydro put the cost at $2.4 billion.").is_empty());
    }

    #[test]
    fn a_shared_currency_word_is_the_one_of_its_family_the_facts_count_in() {
        const CROWNS: &str = "\
entities:
  - { id: novo, kind: organization, name: Solberg }
quantities:
  - { id: cost, subject: novo, what: the cost, cues: [cost], value: 2.1 billion DKK }
";
        // "crowns" are Swedish by default, Danish in a base of Danish ones.
        assert!(
            check(
                CROWNS,
                "Solberg put the cost at 2.1 billion crowns.",
                "amount-mismatch"
            )
            .is_empty()
        );
        assert_eq!(
            check(
                CROWNS,
                "Solberg put the cost at 2.4 billion crowns.",
                "amount-mismatch"
            )
            .len(),
            1
        );
        // With Swedish crowns in the base too, "crowns" stay Swedish: no
        // rate reaches them, and nothing is said.
        let both = format!("{CROWNS}  - {{ id: fee, subject: novo, value: 3 SEK }}\n");
        assert!(
            check(
                &both,
                "Solberg put the cost at 2.4 billion crowns.",
                "amount-mismatch"
            )
            .is_empty()
        );
    }

    #[test]
    fn unrelated_numbers_are_left_alone() {
        assert!(check(FACTS, "Acme has 10 billion reasons.", "amount-mismatch").is_empty());
    }

    #[test]
    fn a_count_per_unit_of_time_counts_the_facts_noun_at_the_rate_it_names() {
        const PLANT: &str = "\
entities:
  - { id: acme, kind: organization, name: Acme }
quantities:
  - { id: capacity, subject: acme, what: capacity in wafers a month, cues: [wafers, capacity], value: 40000 wafers }
";
        let found = |n: &str| {
            check(
                PLANT,
                &format!("Acme's plant will process {n} wafers a month."),
                "amount-mismatch",
            )
        };
        assert!(found("40,000").is_empty());
        assert_eq!(found("45,000").len(), 1);
    }
}
