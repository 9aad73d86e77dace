//! Pages fetched over HTTP(S): redirects followed, a time limit, a size limit, gzip, and a
//! user agent that says who asks. The only code in synoptic that touches the network.

use std::io::Read;
use std::time::Duration;

use ureq::ResponseExt as _;

/// What a page fetch gives back.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// The address the page was finally served from, after redirects.
    pub url: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// Why a page was not fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("the server answered HTTP {0}")]
    Status(u16),
    #[error("not a web page (Content-Type {0})")]
    NotHtml(String),
    #[error("the page is larger than {limit_mb} MB")]
    TooLarge { limit_mb: u64 },
    #[error("no answer within {0} s")]
    Timeout(u64),
    #[error("not an http:// or https:// address")]
    NotHttp,
    #[error("{0}")]
    Network(String),
}

/// How a fetch is bounded.
#[derive(Clone, Copy, Debug)]
pub struct FetchLimits {
    /// For the whole exchange, redirects included.
    pub timeout: Duration,
    pub max_bytes: u64,
    pub max_redirects: u32,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            timeout: Duration::from_secs(30),
            max_bytes: 8 * 1024 * 1024,
            max_redirects: 10,
        }
    }
}

/// The user agent synoptic sends: its name, version and what it is for.
pub const USER_AGENT: &str = concat!(
    "synoptic/",
    env!("CARGO_PKG_VERSION"),
    " (news coverage comparison; reads one page per request)"
);

/// Whether `arg` is a web address rather than a path.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetch the page at `url`.
pub fn fetch_page(url: &str, limits: FetchLimits) -> Result<Fetched, FetchError> {
    if !is_url(url) {
        return Err(FetchError::NotHttp);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .max_redirects(limits.max_redirects)
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| from_ureq(e, limits))?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(FetchError::Status(status));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Some(kind) = &content_type
        && !is_html_type(kind)
    {
        return Err(FetchError::NotHtml(kind.clone()));
    }
    let final_url = response.get_uri().to_string();
    let mut bytes = Vec::new();
    response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes.saturating_add(1))
        .reader()
        .take(limits.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| from_io(e, limits))?;
    if bytes.len() as u64 > limits.max_bytes {
        return Err(FetchError::TooLarge {
            limit_mb: limits.max_bytes / 1024 / 1024,
        });
    }
    Ok(Fetched {
        url: final_url,
        content_type,
        bytes,
    })
}

fn is_html_type(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or("").trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

fn from_ureq(e: ureq::Error, limits: FetchLimits) -> FetchError {
    match e {
        ureq::Error::Timeout(_) => FetchError::Timeout(limits.timeout.as_secs()),
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            limit_mb: limits.max_bytes / 1024 / 1024,
        },
        ureq::Error::StatusCode(code) => FetchError::Status(code),
        ureq::Error::Io(io) => from_io(io, limits),
        ureq::Error::HostNotFound => FetchError::Network("host not found".into()),
        ureq::Error::ConnectionFailed => FetchError::Network("connection refused".into()),
        ureq::Error::TooManyRedirects => {
            FetchError::Network(format!("more than {} redirects", limits.max_redirects))
        }
        other => FetchError::Network(other.to_string()),
    }
}

fn from_io(e: std::io::Error, limits: FetchLimits) -> FetchError {
    // ureq reports its own errors inside an io::Error when the body is read.
    match e.into_inner() {
        Some(inner) => match inner.downcast::<ureq::Error>() {
            Ok(ureq) => from_ureq(*ureq, limits),
            Err(other) => FetchError::Network(other.to_string()),
        },
        None => FetchError::Network("the connection broke while reading the page".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_told_from_paths() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://EXAMPLE.ORG"));
        assert!(!is_url("httpfile.txt"));
        assert!(!is_url("articles/"));
        assert!(matches!(
            fetch_page("ftp://x", FetchLimits::default()),
            Err(FetchError::NotHttp)
        ));
    }

    #[test]
    fn only_html_is_a_page() {
        assert!(is_html_type("text/html; charset=utf-8"));
        assert!(is_html_type("application/xhtml+xml"));
        assert!(!is_html_type("application/pdf"));
        assert!(!is_html_type("text/plain"));
    }
}
