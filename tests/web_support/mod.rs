//! A small HTTP server on 127.0.0.1 for the web tests: fixed routes that answer as real sites
//! do (redirects, errors, a slow answer, a huge page, a PDF, charsets, gzip). It serves a
//! bounded number of requests, for a bounded time, then stops by itself.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

/// The French and English test pages.
pub const FRENCH: &[u8] = include_bytes!("../fixtures/pages/fr-quotidien.html");
pub const ENGLISH_LATIN1: &[u8] = include_bytes!("../fixtures/pages/en-herald.html");

/// How long the slow route waits before it answers.
pub const SLOW: Duration = Duration::from_secs(3);

/// Start the server; its base address (`http://127.0.0.1:PORT`).
pub fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_mins(2);
        listener.set_nonblocking(true).unwrap();
        let mut served = 0;
        while served < 200 && Instant::now() < deadline {
            match listener.accept() {
                Ok((stream, _)) => {
                    served += 1;
                    std::thread::spawn(move || answer(stream));
                }
                Err(_) => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    });
    base
}

fn answer(mut stream: TcpStream) {
    stream.set_nonblocking(false).ok();
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // The headers, up to the blank line.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let html = "text/html; charset=utf-8";
    let _ = match path.as_str() {
        "/fr" => reply(&mut stream, "200 OK", html, &[], FRENCH),
        "/en" => reply(
            &mut stream,
            "200 OK",
            "text/html; charset=iso-8859-1",
            &[],
            ENGLISH_LATIN1,
        ),
        // The header says UTF-8; the bytes are Latin-1 (the page's own meta says so too).
        "/wrong-charset" => reply(&mut stream, "200 OK", html, &[], ENGLISH_LATIN1),
        "/moved" => reply(
            &mut stream,
            "301 Moved Permanently",
            html,
            &["Location: /fr"],
            b"",
        ),
        "/missing" => reply(&mut stream, "404 Not Found", html, &[], b"<p>no</p>"),
        "/broken" => reply(
            &mut stream,
            "500 Internal Server Error",
            html,
            &[],
            b"<p>oops</p>",
        ),
        "/pdf" => reply(&mut stream, "200 OK", "application/pdf", &[], b"%PDF-1.4"),
        "/gzip" => {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            gz.write_all(FRENCH).unwrap();
            let body = gz.finish().unwrap();
            reply(
                &mut stream,
                "200 OK",
                html,
                &["Content-Encoding: gzip"],
                &body,
            )
        }
        "/huge" => {
            let body = "<p>bla bla bla bla</p>\n".repeat(1_000_000);
            reply(&mut stream, "200 OK", html, &[], body.as_bytes())
        }
        "/slow" => {
            std::thread::sleep(SLOW);
            reply(&mut stream, "200 OK", html, &[], FRENCH)
        }
        "/empty" => reply(
            &mut stream,
            "200 OK",
            html,
            &[],
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        ),
        _ => reply(&mut stream, "404 Not Found", html, &[], b""),
    };
}

fn reply(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    headers: &[&str],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for h in headers {
        head.push_str(h);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}
