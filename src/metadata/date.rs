//! A small date normaliser: publication dates as pages write them, into
//! ISO 8601. Hand-written rather than a date crate because the inputs are
//! few shapes and the output is a string, not arithmetic.
//!
//! Accepted shapes:
//! - RFC 3339 / ISO 8601: `2024-03-05T10:00:00Z`, `2024-03-05T10:00:00.123+01:00`,
//!   `2024-03-05T10:00+0100`, `2024-03-05 10:00:00`, `2024-03-05`,
//!   `2024/03/05`;
//! - with month names (English, German, French, Spanish, Italian,
//!   Portuguese, Dutch): RFC 2822 `Tue, 05 Mar 2024 10:00:00 GMT`,
//!   `March 5, 2024`, `5 March 2024 10:00 am EST`, `5. März 2024`,
//!   `5 de marzo de 2024`.
//!
//! Output: `2024-03-05T10:00:00Z` (UTC), `2024-03-05T10:00:00+01:00`
//! (an offset, kept as given, never converted), `2024-03-05T10:00:00`
//! (a time without a zone), or `2024-03-05` (only a date is known).
//! Anything else, or an impossible date, is `None`.

/// Month names and abbreviations, lowercase, with their number. Words that
/// are also common words elsewhere ("may", "mai") are harmless here: the
/// parser only runs on values that are meant to be dates.
#[rustfmt::skip]
const MONTHS: &[(&str, u8)] = &[
    ("january", 1), ("jan", 1), ("januar", 1), ("janvier", 1), ("enero", 1), ("gennaio", 1), ("janeiro", 1), ("januari", 1), ("jänner", 1),
    ("february", 2), ("feb", 2), ("februar", 2), ("février", 2), ("fevrier", 2), ("febrero", 2), ("febbraio", 2), ("fevereiro", 2), ("februari", 2), ("fév", 2), ("févr", 2),
    ("march", 3), ("mar", 3), ("märz", 3), ("maerz", 3), ("mars", 3), ("marzo", 3), ("março", 3), ("maart", 3), ("mär", 3),
    ("april", 4), ("apr", 4), ("avril", 4), ("abril", 4), ("aprile", 4), ("avr", 4), ("abr", 4),
    ("may", 5), ("mai", 5), ("mayo", 5), ("maggio", 5), ("maio", 5), ("mei", 5),
    ("june", 6), ("jun", 6), ("juni", 6), ("juin", 6), ("junio", 6), ("giugno", 6), ("junho", 6),
    ("july", 7), ("jul", 7), ("juli", 7), ("juillet", 7), ("julio", 7), ("luglio", 7), ("julho", 7), ("juil", 7),
    ("august", 8), ("aug", 8), ("août", 8), ("aout", 8), ("agosto", 8), ("augustus", 8), ("ago", 8),
    ("september", 9), ("sep", 9), ("sept", 9), ("septembre", 9), ("septiembre", 9), ("settembre", 9), ("setembro", 9), ("set", 9),
    ("october", 10), ("oct", 10), ("oktober", 10), ("octobre", 10), ("octubre", 10), ("ottobre", 10), ("outubro", 10), ("okt", 10), ("out", 10),
    ("november", 11), ("nov", 11), ("novembre", 11), ("noviembre", 11), ("novembro", 11),
    ("december", 12), ("dec", 12), ("dezember", 12), ("décembre", 12), ("decembre", 12), ("diciembre", 12), ("dicembre", 12), ("dezembro", 12), ("dez", 12), ("déc", 12), ("dic", 12),
];

/// Zone abbreviations with their offset in minutes. Only unambiguous ones:
/// an unknown abbreviation leaves the time without a zone.
#[rustfmt::skip]
const ZONES: &[(&str, i32)] = &[
    ("z", 0), ("ut", 0), ("utc", 0), ("gmt", 0),
    ("est", -300), ("edt", -240), ("cst", -360), ("cdt", -300),
    ("mst", -420), ("mdt", -360), ("pst", -480), ("pdt", -420),
    ("cet", 60), ("cest", 120), ("mez", 60), ("mesz", 120), ("bst", 60),
];

/// Normalises a date as a page writes it; `None` when it is not one.
pub fn normalize(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    iso(s).or_else(|| textual(s))?.render()
}

/// A parsed date, possibly with a time and a zone (offset in minutes).
#[derive(Debug, Default, PartialEq, Eq)]
struct Parts {
    year: u16,
    month: u8,
    day: u8,
    time: Option<(u8, u8, u8)>,
    zone: Option<i32>,
}

impl Parts {
    /// The ISO 8601 string, after checking the date and time exist.
    fn render(&self) -> Option<String> {
        if !(1000..=9999).contains(&self.year)
            || !(1..=12).contains(&self.month)
            || self.day == 0
            || self.day > days_in_month(self.year, self.month)
        {
            return None;
        }
        let mut out = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        let Some((h, m, s)) = self.time else {
            return Some(out);
        };
        if h > 23 || m > 59 || s > 60 {
            return None;
        }
        out.push_str(&format!("T{h:02}:{m:02}:{s:02}"));
        match self.zone {
            None => {}
            Some(0) => out.push('Z'),
            Some(z) if z.abs() < 24 * 60 => {
                let sign = if z < 0 { '-' } else { '+' };
                out.push_str(&format!("{sign}{:02}:{:02}", z.abs() / 60, z.abs() % 60));
            }
            Some(_) => return None,
        }
        Some(out)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// A cursor over ASCII bytes for the numeric shapes.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let d = self.b.get(self.i..self.i + n)?;
        if !d.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.i += n;
        Some(d.iter().fold(0, |a, c| a * 10 + u32::from(c - b'0')))
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.b.get(self.i) == Some(&c);
        self.i += usize::from(hit);
        hit
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn rest(&self) -> &str {
        std::str::from_utf8(&self.b[self.i..]).unwrap_or("")
    }
}

/// `YYYY-MM-DD` (or `/`, `.`), then optionally `T` or a space and
/// `HH:MM[:SS[.fraction]]`, then optionally a zone.
fn iso(s: &str) -> Option<Parts> {
    let mut c = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    let year = c.digits(4)? as u16;
    let sep = c.peek().filter(|b| matches!(b, b'-' | b'/' | b'.'))?;
    c.i += 1;
    let month = c.digits(2).or_else(|| c.digits(1))? as u8;
    c.eat(sep).then_some(())?;
    let day = c.digits(2).or_else(|| c.digits(1))? as u8;
    let mut parts = Parts {
        year,
        month,
        day,
        ..Parts::default()
    };
    if c.peek().is_none() {
        return Some(parts);
    }
    if !(c.eat(b'T') || c.eat(b't') || c.eat(b' ')) {
        return None;
    }
    let h = c.digits(2)? as u8;
    c.eat(b':').then_some(())?;
    let m = c.digits(2)? as u8;
    let sec = if c.eat(b':') { c.digits(2)? as u8 } else { 0 };
    if c.eat(b'.') || c.eat(b',') {
        while c.peek().is_some_and(|b| b.is_ascii_digit()) {
            c.i += 1;
        }
    }
    parts.time = Some((h, m, sec));
    let rest = c.rest().trim();
    if !rest.is_empty() {
        parts.zone = Some(zone(rest)?);
    }
    Some(parts)
}

/// `Z`, `+01:00`, `+0100`, `+01`, or a known abbreviation, in minutes.
fn zone(s: &str) -> Option<i32> {
    let lower = s.to_ascii_lowercase();
    if let Some(&(_, z)) = ZONES.iter().find(|(n, _)| *n == lower) {
        return Some(z);
    }
    let s = lower
        .strip_prefix("utc")
        .or_else(|| lower.strip_prefix("gmt"))
        .unwrap_or(&lower);
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let mut c = Cursor {
        b: rest.as_bytes(),
        i: 0,
    };
    let h = c.digits(2)? as i32;
    c.eat(b':');
    let m = if c.peek().is_some() {
        c.digits(2)? as i32
    } else {
        0
    };
    (c.peek().is_none() && h <= 23 && m <= 59).then_some(sign * (h * 60 + m))
}

/// Dates with a month name: the month name, a day, a four-digit year,
/// optionally a time (`10:00`, `10:00:00`, `10am`, `10:00 p.m.`) and a zone.
/// Other words (weekdays, "Updated", "de", "at") are passed over.
fn textual(s: &str) -> Option<Parts> {
    let mut p = Parts::default();
    let (mut day, mut pm) = (None, None);
    for raw in s.split(|c: char| c.is_whitespace() || c == ',') {
        let tok = raw.trim_matches(|c: char| c == '.' || c == ',' || c == '(' || c == ')');
        if tok.is_empty() {
            continue;
        }
        let lower = tok.to_lowercase();
        if let Some(&(_, m)) = MONTHS.iter().find(|(n, _)| *n == lower) {
            if p.month == 0 {
                p.month = m;
            }
        } else if let Some(half) = meridiem(&lower) {
            pm = Some(half);
        } else if let Some((t, half)) = clock(&lower) {
            p.time.get_or_insert(t);
            pm = pm.or(half);
        } else if p.time.is_some() && p.zone.is_none() && zone(tok).is_some() {
            p.zone = zone(tok);
        } else if let Some(n) = number(&lower) {
            match n {
                1900..=2199 if p.year == 0 => p.year = n as u16,
                1..=31 if day.is_none() => day = Some(n as u8),
                _ => return None,
            }
        }
    }
    if p.month == 0 || p.year == 0 {
        return None;
    }
    p.day = day?;
    if let (Some((h, m, s)), Some(is_pm)) = (p.time, pm) {
        if !(1..=12).contains(&h) {
            return None;
        }
        p.time = Some((h % 12 + if is_pm { 12 } else { 0 }, m, s));
    }
    Some(p)
}

/// `am`, `pm`, `a.m.`, `p.m.` (already stripped of outer dots).
fn meridiem(lower: &str) -> Option<bool> {
    match lower.replace('.', "").as_str() {
        "am" => Some(false),
        "pm" => Some(true),
        _ => None,
    }
}

/// `10:00`, `10:00:00`, `10:00am`, `10am`: the time and a meridiem if glued.
fn clock(lower: &str) -> Option<((u8, u8, u8), Option<bool>)> {
    let digits_end = lower
        .find(|c: char| !c.is_ascii_digit() && c != ':')
        .unwrap_or(lower.len());
    let (t, suffix) = lower.split_at(digits_end);
    let half = if suffix.is_empty() {
        None
    } else {
        Some(meridiem(suffix)?)
    };
    let mut it = t.split(':');
    let h: u8 = it.next()?.parse().ok()?;
    let m: u8 = match it.next() {
        Some(m) if m.len() == 2 => m.parse().ok()?,
        Some(_) => return None,
        None if half.is_some() => 0,
        None => return None,
    };
    let s: u8 = match it.next() {
        Some(s) if s.len() == 2 => s.parse().ok()?,
        Some(_) => return None,
        None => 0,
    };
    if it.next().is_some() || t.len() > 8 {
        return None;
    }
    Some(((h, m, s), half))
}

/// A number, allowing ordinal suffixes: `5`, `05`, `5th`, `1st`, `1er`, `1º`.
fn number(lower: &str) -> Option<u32> {
    let end = lower
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(lower.len());
    if end == 0 || end > 4 {
        return None;
    }
    let suffix = &lower[end..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "er" | "º" | "°") {
        return None;
    }
    lower[..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn the_shapes_of_the_brief() {
        let cases = [
            ("2024-03-05T10:00:00Z", "2024-03-05T10:00:00Z"),
            ("2024-03-05T10:00:00+00:00", "2024-03-05T10:00:00Z"),
            ("2024-03-05T10:00:00.123-05:00", "2024-03-05T10:00:00-05:00"),
            ("2024-03-05T10:00+0100", "2024-03-05T10:00:00+01:00"),
            ("2024-03-05 10:00:00", "2024-03-05T10:00:00"),
            ("2024-03-05", "2024-03-05"),
            ("2024/3/5", "2024-03-05"),
            ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05T10:00:00Z"),
            ("Tue, 5 Mar 2024 10:00:00 +0000", "2024-03-05T10:00:00Z"),
            ("March 5, 2024", "2024-03-05"),
            (
                "Updated March 5th, 2024 at 3:07 p.m. EST",
                "2024-03-05T15:07:00-05:00",
            ),
            ("5. März 2024, 12:30 Uhr", "2024-03-05T12:30:00"),
            ("5 de marzo de 2024", "2024-03-05"),
            ("1er mars 2024", "2024-03-01"),
            ("2024-02-29", "2024-02-29"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in [
            "",
            "yesterday",
            "2023-02-29",
            "2024-13-01",
            "2024-03-05T25:00:00Z",
            "March 2024",
            "12/03/2024",
            "2024-03-05Tnoon",
            "Page 3 of 10, 2024",
            "2024-03-05T10:00:00+99:00",
            "{{date}}",
        ] {
            assert_eq!(normalize(bad), None, "{bad}");
        }
    }

    #[test]
    fn midnight_and_noon_in_twelve_hour_clock() {
        assert_eq!(
            normalize("March 5, 2024 12:00 am").as_deref(),
            Some("2024-03-05T00:00:00")
        );
        assert_eq!(
            normalize("March 5, 2024 12pm").as_deref(),
            Some("2024-03-05T12:00:00")
        );
    }
}
