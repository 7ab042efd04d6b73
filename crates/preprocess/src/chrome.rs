//! Recognising page chrome: lines of a capture that belong to the web page around
//! the text (icon names, comment notices, player timestamps, podcast links, …).
//!
//! Every test here looks at one whole line (one paragraph) at a time.

use explorer_core::tokenize::tokenize;

/// Whether the line is chrome wherever it occurs in a document.
pub fn is_chrome(line: &str) -> bool {
    is_icon_line(line)
        || is_timestamp(line)
        || is_reading_time(line)
        || is_comment_notice(line)
        || is_lone_nav_word(line)
        || is_podcast_platform_line(line)
        || is_support_appeal(line)
        || is_shortcode(line)
        || is_email_obfuscation(line)
}

/// A row of icon names (`icon bookmark-bicon cameraicon …`): "icon" occurs 5 or more times.
pub fn is_icon_line(line: &str) -> bool {
    line.to_lowercase().matches("icon").count() >= 5
}

/// A media player's time display: `0:00`, `24:55`, `1:02:03`.
pub fn is_timestamp(line: &str) -> bool {
    crate::dates::is_clock(line.trim())
}

/// `1 min read`, `5 minute read`, `12 mins read`.
pub fn is_reading_time(line: &str) -> bool {
    let words: Vec<String> = line.split_whitespace().map(|w| w.to_lowercase()).collect();
    matches!(words.as_slice(), [n, unit, read]
        if n.bytes().all(|b| b.is_ascii_digit())
            && ["min", "mins", "minute", "minutes"].contains(&unit.as_str())
            && read == "read")
}

/// A notice about the site's comments ("we have switched to a new commenting system…").
pub fn is_comment_notice(line: &str) -> bool {
    let lower = line.to_lowercase();
    ["commenting system", "commenting policy", "leave comments", "leave a comment", "comments are closed"]
        .iter()
        .any(|p| lower.contains(p))
}

/// A navigation word standing alone on its line (`Podcasts`, `Advertisement`, …).
pub fn is_lone_nav_word(line: &str) -> bool {
    const WORDS: [&str; 6] = ["podcasts", "advertisement", "share", "share this", "read more", "related articles"];
    let lower = line.trim().trim_end_matches(':').to_lowercase();
    WORDS.contains(&lower.as_str())
}

/// Podcast-player chrome: platform links (`X on SpotifyX on Apple Podcasts…`),
/// `A new episode of … is now on air:` and `Browse all … episodes`.
pub fn is_podcast_platform_line(line: &str) -> bool {
    const PLATFORMS: [&str; 9] = [
        "on spotify",
        "on apple podcasts",
        "on google podcasts",
        "on stitcher",
        "on soundcloud",
        "on youtube music",
        "on pocket casts",
        "on overcast",
        "on podbean",
    ];
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    let platforms = PLATFORMS.iter().filter(|p| lower.contains(*p)).count();
    if platforms >= 2 || (platforms == 1 && words <= 8) {
        return true;
    }
    words <= 20
        && lower.contains("episode")
        && (lower.contains("now on air") || lower.contains("out now") || lower.starts_with("browse all"))
}

/// An appeal for support: `Support our work! Donate, subscribe, share, …` (two or more
/// of donate / subscribe / share / rating / patreon in a short line).
pub fn is_support_appeal(line: &str) -> bool {
    const WORDS: [&str; 6] = ["donate", "donation", "subscribe", "share", "rating", "patreon"];
    let tokens = tokenize(line);
    if tokens.len() > 30 {
        return false;
    }
    let hits = WORDS.iter().filter(|w| tokens.iter().any(|t| t.folded == **w)).count();
    hits >= 2 || line.to_lowercase().starts_with("support our work")
}

/// A CMS shortcode left in the text: `[shortcode-Subscribe-to-Ukraine-daily-box]`
/// (a bracketed word without spaces that starts with `shortcode` or contains hyphens).
/// Stage directions such as `[Theme Music]` are not shortcodes.
pub fn is_shortcode(line: &str) -> bool {
    let line = line.trim();
    let Some(inner) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) else {
        return false;
    };
    !inner.is_empty()
        && !inner.contains(char::is_whitespace)
        && !inner.contains(['[', ']'])
        && (inner.to_lowercase().starts_with("shortcode") || inner.matches('-').count() >= 2)
}

/// An address hidden by an e-mail obfuscator (`[email protected]`) on a short line.
pub fn is_email_obfuscation(line: &str) -> bool {
    let collapsed = line.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    collapsed.contains("[email protected]") && collapsed.split(' ').count() <= 5
}

/// The address of a line that is only a markdown link (`[us.politsturm.com](http://us.politsturm.com)`)
/// or only a domain (`example.org`, `https://example.org/news`).
pub fn link_line_url(line: &str) -> Option<String> {
    let line = line.trim();
    if let Some(rest) = line.strip_prefix('[') {
        let (_, after) = rest.split_once("](")?;
        let url = after.strip_suffix(')')?;
        return (is_web_address(url) && !url.contains(char::is_whitespace)).then(|| url.to_string());
    }
    if is_web_address(line) {
        return Some(line.to_string());
    }
    let host = line.trim_end_matches('/');
    is_domain(host).then(|| format!("https://{host}"))
}

/// The host of a web address, without `www.`: `http://us.politsturm.com/x` → `us.politsturm.com`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    is_domain(host).then(|| host.to_lowercase())
}

fn is_web_address(s: &str) -> bool {
    let rest = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(rest) => !s.contains(char::is_whitespace) && is_domain(rest.split(['/', '?', '#']).next().unwrap_or("")),
        None => false,
    }
}

/// `us.politsturm.com`: dot-separated labels of letters, digits and hyphens, ending in a letter-only TLD.
fn is_domain(s: &str) -> bool {
    let labels: Vec<&str> = s.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels.last().is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icon_rows() {
        assert!(is_icon_line("icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon"));
        assert!(!is_icon_line("The icon of the revolution, an iconic icon."));
    }

    #[test]
    fn timestamps_and_reading_times() {
        for t in ["0:00", "24:55", "1:02:03", "15:36"] {
            assert!(is_chrome(t), "{t}");
        }
        assert!(is_chrome("1 min read") && is_chrome("5 minute read") && is_chrome("12 Mins Read"));
        assert!(!is_chrome("Read 5 minutes a day."));
    }

    #[test]
    fn comment_notices() {
        assert!(is_chrome(
            "Dear readers! Please note that we have switched to a new commenting system. To leave comments, you will need to register."
        ));
        assert!(!is_chrome("The commentator said the system was broken."));
    }

    #[test]
    fn lone_nav_words() {
        assert!(is_chrome("Podcasts") && is_chrome("Advertisement"));
        assert!(!is_chrome("Podcasts are popular among young people."));
    }

    #[test]
    fn podcast_platform_lines() {
        assert!(is_chrome("Socialist Revolution on SpotifySocialist Revolution on Google PodcastsSocialist Revolution on Apple Podcasts"));
        assert!(is_chrome("Listen on Spotify"));
        assert!(is_chrome("A new episode of Socialist Revolution Podcast is now on air:"));
        assert!(is_chrome("Browse all Socialist Revolution episodes: socialistrevolution.tv."));
        assert!(!is_chrome(
            "In this episode, we go into a little detail about what went wrong and why the USSR failed."
        ));
    }

    #[test]
    fn support_appeals() {
        assert!(is_chrome(
            "Support our work! Donate, subscribe, share, and leave a 5-star rating to help others find us."
        ));
        assert!(is_chrome("Please donate and subscribe."));
        assert!(!is_chrome("Workers must share the product of their labour."));
    }

    #[test]
    fn shortcodes_but_not_stage_directions() {
        assert!(is_chrome("[shortcode-Subscribe-to-Ukraine-daily-box]"));
        assert!(is_chrome("[newsletter-signup-box]"));
        assert!(!is_chrome("[Theme Music]"));
        assert!(!is_chrome("[The Internationale song plays in Russian]"));
        assert!(!is_chrome("[Applause]"));
    }

    #[test]
    fn email_obfuscation() {
        assert!(is_chrome("[email\u{a0}protected]"));
        assert!(is_chrome("Write to us: [email protected]"));
    }

    #[test]
    fn link_lines() {
        assert_eq!(
            link_line_url("[us.politsturm.com](http://us.politsturm.com)").as_deref(),
            Some("http://us.politsturm.com")
        );
        assert_eq!(link_line_url("socialistrevolution.org").as_deref(), Some("https://socialistrevolution.org"));
        assert_eq!(link_line_url("https://example.org/news").as_deref(), Some("https://example.org/news"));
        assert_eq!(link_line_url("USSR 2.0"), None);
        assert_eq!(link_line_url("Browse all episodes: socialistrevolution.tv."), None);
        assert_eq!(link_line_url("[Theme Music]"), None);
        assert_eq!(link_line_url("e.g."), None);
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("http://us.politsturm.com").as_deref(), Some("us.politsturm.com"));
        assert_eq!(host_of("https://www.RT.com/russia/1/").as_deref(), Some("rt.com"));
    }
}
