package edition

import "testing"

func TestSafeURL(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"https://example.org/report", "https://example.org/report"},
		{"http://example.org", "http://example.org"},
		{"HTTPS://EXAMPLE.ORG/", "HTTPS://EXAMPLE.ORG/"},
		{"mailto:pastor@example.org", "mailto:pastor@example.org"},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{"java\tscript:alert(1)", ""},
		{"data:text/html;base64,PHNjcmlwdD4=", ""},
		{"vbscript:msgbox", ""},
		{"file:///etc/passwd", ""},
		{"report.html", ""},
		{"/report", ""},
		{"//evil.example/x", ""},
		{"#top", ""},
		{"https:///nohost", ""},
		{"mailto:", ""},
		{"https://example.org/a b", ""},
		{"", ""},
	} {
		if got := SafeURL(c.in); got != c.want {
			t.Errorf("SafeURL(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMarkdownHTMLEscapes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<script>alert(1)</script>\n", "<pre class=\"raw\">&lt;script&gt;alert(1)&lt;/script&gt;</pre>\n"},
		{"a <b>bold</b> word\n", "<p>a &lt;b&gt;bold&lt;/b&gt; word</p>\n"},
		{"x <img src=x onerror=alert(1)> y\n", "<p>x &lt;img src=x onerror=alert(1)&gt; y</p>\n"},
		{"[here](javascript:alert(1))\n", "<p>here</p>\n"},
		{"[here](report.html)\n", "<p>here</p>\n"},
		{"[here](https://example.org/?a=1&b=2)\n", "<p><a href=\"https://example.org/?a=1&amp;b=2\">here</a></p>\n"},
		{"<https://auto.link>\n", "<p><a href=\"https://auto.link\">https://auto.link</a></p>\n"},
		{"<pastor@example.org>\n", "<p><a href=\"mailto:pastor@example.org\">pastor@example.org</a></p>\n"},
		{"![a picture](https://example.org/p.png)\n", "<p><span class=\"image\">[a picture]</span></p>\n"},
		{"Tom & Jerry \"quoted\"\n", "<p>Tom &amp; Jerry &quot;quoted&quot;</p>\n"},
	} {
		if got := markdownHTML(c.in); got != c.want {
			t.Errorf("markdownHTML(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestInlineHTMLKeepsBlockSyntaxAsText(t *testing.T) {
	for _, c := range []struct{ in, format, want string }{
		{"1. is not a list here", "md", "1. is not a list here"},
		{"# not a heading", "md", "# not a heading"},
		{"*em* and <b>", "md", "<em>em</em> and &lt;b&gt;"},
		{"<b>plain</b>\nline", "txt", "&lt;b&gt;plain&lt;/b&gt;<br />\nline"},
	} {
		if got := inlineHTML(c.in, c.format); got != c.want {
			t.Errorf("inlineHTML(%q, %s) = %q, want %q", c.in, c.format, got, c.want)
		}
	}
}

func TestMarksKeepPagesWellFormed(t *testing.T) {
	open, close := string(openMachine), string(closeMark)
	for _, c := range []struct{ in, want string }{
		{open + "Hello." + close, `<span class="machine" title="M">Hello.</span>`},
		{open + "<strong>Bold." + close + " rest</strong>", `<span class="machine" title="M">&#x2022;</span><strong>Bold. rest</strong>`},
		{string(openUntranslated) + "원문." + close, `<span class="untranslated" title="U">원문.</span>`},
	} {
		if got := marks(c.in, "M", "U"); got != c.want {
			t.Errorf("marks(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
