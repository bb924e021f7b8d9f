//! The pages `build` writes, loaded from disk by a real browser (Debian's headless
//! Chromium): the search boxes filter, every link resolves to a file that exists, the
//! timeline has an element per audit, and a certificate's verification address opens its
//! entry. Without Chromium the tests say so on the terminal and pass: `.ci/run` installs it.
//! `CERTDOC_WRITE_SCREENSHOTS=1` writes the README's screenshots to `docs/`.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{certdoc, copy_tree, repo, stdout};

type Res = Result<(), Box<dyn std::error::Error>>;

fn chromium() -> Option<PathBuf> {
    let named = std::env::var_os("CERTDOC_CHROMIUM").map(PathBuf::from);
    let found = named.into_iter().chain(
        [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
        ]
        .into_iter()
        .map(PathBuf::from),
    );
    for path in found {
        if path.is_file() {
            return Some(path);
        }
    }
    // Written past the test harness's capture, so the skip shows in every run.
    let _ = writeln!(
        std::io::stderr(),
        "\nSKIPPED browser test: no Chromium (install Debian's `chromium`, or name one in \
         CERTDOC_CHROMIUM); .ci/run installs it"
    );
    None
}

/// A fontconfig file adding the repository's CJK fonts, so that screenshots show the
/// Chinese text on a machine without CJK system fonts.
fn fonts_conf(dir: &Path) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let conf = dir.join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n\
             <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n<dir>{}</dir>\n\
             <cachedir>{}</cachedir>\n</fontconfig>\n",
            repo().join("templates/fonts").display(),
            dir.join("fc-cache").display()
        ),
    )?;
    Ok(conf)
}

struct Browser {
    exe: PathBuf,
    profile: tempfile::TempDir,
    fonts: PathBuf,
}

impl Browser {
    fn run(&self, extra: &[&str], url: &str) -> Result<std::process::Output, std::io::Error> {
        Command::new(&self.exe)
            .env("FONTCONFIG_FILE", &self.fonts)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", self.profile.path().display()))
            .args(extra)
            .arg(url)
            .output()
    }

    /// The DOM after the page's scripts ran.
    fn dom(&self, page: &Path, query: &str) -> Result<String, Box<dyn std::error::Error>> {
        let url = format!("file://{}{query}", page.display());
        let out = self.run(&["--virtual-time-budget=2000", "--dump-dom"], &url)?;
        let dom = String::from_utf8(out.stdout)?;
        assert!(
            dom.contains("</html>"),
            "{url}: no DOM\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Ok(dom)
    }

    fn screenshot(&self, page: &Path, to: &Path, size: &str) -> Res {
        let url = format!("file://{}", page.display());
        self.run(
            &[
                &format!("--window-size={size}"),
                &format!("--screenshot={}", to.display()),
            ],
            &url,
        )?;
        let png = std::fs::read(to)?;
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "{}",
            to.display()
        );
        Ok(())
    }
}

/// The bundled project built into a temp folder.
fn built() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    for sub in ["rules", "templates", "cases"] {
        copy_tree(&repo().join(sub), &dir.path().join(sub));
    }
    let o = certdoc(dir.path(), &["build", "--as-of", "2026-12-02"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    Ok(dir)
}

/// The elements matching `<tag ` with `attr`, and how many of them are hidden.
fn rows(dom: &str, start: &str) -> (usize, usize) {
    let mut all = 0;
    let mut hidden = 0;
    for piece in dom.split(start).skip(1) {
        all += 1;
        let tag = piece.split('>').next().unwrap_or("");
        if tag.contains(" hidden") {
            hidden += 1;
        }
    }
    (all, hidden)
}

/// Every `href` and `src` of the DOM that points into the output folder exists.
fn assert_links_resolve(dom: &str, page: &Path) -> usize {
    let dir = page.parent().unwrap_or(Path::new("."));
    let mut n = 0;
    for attr in ["href=\"", "src=\""] {
        for piece in dom.split(attr).skip(1) {
            let target = piece.split('"').next().unwrap_or("");
            if target.is_empty() || target.starts_with('#') || target.contains("://") {
                continue;
            }
            let file = target.split(['?', '#']).next().unwrap_or("");
            assert!(
                dir.join(file).is_file(),
                "{}: the link `{target}` leads nowhere",
                page.display()
            );
            n += 1;
        }
    }
    n
}

#[test]
fn the_pages_work_in_a_real_browser_from_disk() -> Res {
    let Some(exe) = chromium() else {
        return Ok(());
    };
    let dir = built()?;
    let scratch = tempfile::tempdir()?;
    let browser = Browser {
        exe,
        profile: tempfile::tempdir()?,
        fonts: fonts_conf(scratch.path())?,
    };
    let out = dir.path().join("output");

    // The internal index: one row per case, the search box filters them.
    let index = out.join("index.html");
    let dom = browser.dom(&index, "")?;
    assert_eq!(rows(&dom, "<tr data-search"), (4, 0));
    let links = assert_links_resolve(&dom, &index);
    assert!(links >= 5, "{links} links");
    let dom = browser.dom(&index, "?q=%E8%B5%A3%E6%B1%9F")?; // 赣江
    assert_eq!(
        rows(&dom, "<tr data-search"),
        (4, 3),
        "the search box filters"
    );
    assert!(dom.contains(">1 / 4<"), "the count says what is shown");
    let dom = browser.dom(&index, "?q=TB-CMS-2023-0011")?;
    assert_eq!(
        rows(&dom, "<tr data-search"),
        (4, 3),
        "certificate numbers are searched"
    );

    // Every case page: the timeline has an element per audit, every record link opens a PDF.
    for case in [
        "HZL-TS-2024-017",
        "TB-CMS-2022-008",
        "TB-CMS-2023-011",
        "TB-PIC-2026-003",
    ] {
        let page = out.join(format!("cases/{case}.html"));
        let dom = browser.dom(&page, "")?;
        let file = walkdir::WalkDir::new(dir.path().join("cases"))
            .into_iter()
            .flatten()
            .find(|e| e.file_name().to_string_lossy() == format!("{case}.yaml"))
            .ok_or("no case file")?;
        let yaml: serde_json::Value =
            serde_saphyr::from_str(&std::fs::read_to_string(file.path())?)?;
        let audits = yaml["audits"].as_array().map_or(0, Vec::len);
        let decisions = yaml["decisions"].as_array().map_or(0, Vec::len);
        assert!(audits > 0);
        assert_eq!(dom.matches("<g class=\"audit\"").count(), audits, "{case}");
        assert_eq!(
            dom.matches("<g class=\"decision\"").count(),
            decisions,
            "{case}"
        );
        assert_eq!(dom.matches("<g class=\"today\"").count(), 1, "{case}");
        let pdfs = dom.matches(".pdf\"").count();
        assert!(pdfs >= 10, "{case}: {pdfs} records linked");
        assert_links_resolve(&dom, &page);
    }

    // The public register: searchable, and each certificate's verification address (the
    // QR code's) opens that certificate alone.
    let public = out.join("public/index.html");
    let dom = browser.dom(&public, "")?;
    assert_eq!(rows(&dom, "<article class=\"card"), (5, 0));
    assert_links_resolve(&dom, &public);
    let dom = browser.dom(&public, "?q=%E4%B8%8A%E9%A5%B6")?; // 上饶
    assert_eq!(rows(&dom, "<article class=\"card"), (5, 4));
    for (body, number) in [("tb", "TB-CMS-2023-0011"), ("hzl", "HZL2025TS0017")] {
        let text = std::fs::read_to_string(dir.path().join(format!("rules/bodies/{body}.yaml")))?;
        let pattern = text
            .lines()
            .find_map(|l| l.strip_prefix("verify_url: "))
            .ok_or("no verify_url")?
            .trim_matches('"');
        let query = pattern.replace("{number}", number);
        let query = &query[query.find('?').ok_or("no query")?..];
        let dom = browser.dom(&public, query)?;
        assert_eq!(rows(&dom, "<article class=\"card"), (5, 4), "{query}");
        assert!(dom.contains(&format!("data-number=\"{number}\" data-search")));
        let shown = dom
            .split("<article ")
            .skip(1)
            .find(|a| !a.split('>').next().unwrap_or("").contains(" hidden") && a.contains("card"))
            .ok_or("nothing shown")?;
        assert!(shown.contains(number), "{query} shows another certificate");
    }

    // Screenshots, on a desktop and on a phone.
    let docs = std::env::var_os("CERTDOC_WRITE_SCREENSHOTS").is_some();
    let shots = if docs {
        repo().join("docs")
    } else {
        scratch.path().to_path_buf()
    };
    for (page, name, size) in [
        (&index, "index.png", "1200,640"),
        (
            &out.join("cases/TB-CMS-2023-011.html"),
            "case.png",
            "1200,1300",
        ),
        (&public, "public-register.png", "1200,900"),
        (&public, "public-register-phone.png", "390,844"),
    ] {
        browser.screenshot(page, &shots.join(name), size)?;
    }
    Ok(())
}
