// Package web serves the review of letters as a page in the reviewer's own
// browser, on their own computer: `epistle review --web`.
//
// The reviewer of a prayer letter is a bilingual church member, rarely a
// terminal user. The page shows the whole letter, paragraph by paragraph,
// the source beside the translation; the reviewer edits a translation where
// it stands and approves it, skips it, or moves on with the keyboard.
//
// The letters must not leave the computer, so the server is for this
// computer only, and for the one browser tab it opened:
//
//   - it listens on a loopback address and nowhere else ([Listen]);
//   - every request carries the run's random token: in the URL of the first
//     load, which answers with a cookie (HttpOnly, SameSite=Strict, named
//     for the port) and sends the browser on to the same address without
//     the token, out of its history; without it the answer is 403;
//   - a request whose Host is not the address listened on gets 403, so
//     that a web site whose name resolves to 127.0.0.1 (DNS rebinding)
//     cannot read the page;
//   - every change is a POST that carries the token in the
//     X-Epistle-Token header, which another site's form cannot send
//     (cross-site request forgery), and that the browser does not say
//     comes from another origin (Origin, Sec-Fetch-Site);
//   - the page is one document with its script and style embedded in the
//     binary, under a Content-Security-Policy that allows no inline script
//     and no other origin; html/template escapes every letter text, so a
//     <script> in a letter shows as text.
//
// Every action goes through [review.Reviewer], as `epistle approve` and the
// interactive review do: the same QA refusal, the same review log, whole
// files written atomically, under the letter's lock
// ([store.Letter.Lock]), so that a save never interleaves with
// `approve` or `translate` writing the same letter. A save carries [review.Item.Seen], the
// fingerprint of the sentence the reviewer was shown; when the files
// changed underneath (a new `translate`, `approve` in a terminal), the
// server reads them again, and a sentence that is no longer what the
// reviewer saw is refused and shown anew.
package web
