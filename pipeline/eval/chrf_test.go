package eval

import (
	"math"
	"slices"
	"testing"
)

// The expected scores are sacreBLEU's own, from its test/test_chrf.py
// (sacreBLEU 2.x): corpus chrF with character order 6, no word n-grams and
// beta 3, each way of smoothing and white space, and sentence chrF with
// its defaults. Only the numbers are taken; the code here is ours.
func TestChrFSacreBLEU(t *testing.T) {
	eps := ChrF{CharOrder: 6, Beta: 3, EpsSmoothing: true}
	effective := ChrF{CharOrder: 6, Beta: 3}
	keepSpace := ChrF{CharOrder: 6, Beta: 3, Whitespace: true}
	sentence := ChrF{CharOrder: 6, Beta: 2, EpsSmoothing: true}
	tests := []struct {
		name       string
		c          ChrF
		hyps, refs []string
		want       float64
	}{
		{"eps disjoint", eps, []string{"abcdefg"}, []string{"hijklmnop"}, 0},
		{"eps one char", eps, []string{"a"}, []string{"b"}, 0},
		{"eps empty b", eps, []string{""}, []string{"b"}, 0},
		{"eps empty ref", eps, []string{""}, []string{"ref"}, 0},
		{"eps empty reference", eps, []string{""}, []string{"reference"}, 0},
		{"eps aa ab", eps, []string{"aa"}, []string{"ab"}, 8.3333},
		{"eps two sentences", eps, []string{"a", "b"}, []string{"a", "c"}, 8.3333},
		{"eps a a", eps, []string{"a"}, []string{"a"}, 16.6667},
		{"eps spaced", eps, []string{"a b c"}, []string{"a b c"}, 50},
		{"eps space removed", eps, []string{"a b c"}, []string{"abc"}, 50},
		{"eps risk", eps,
			[]string{" risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."},
			[]string{"risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."}, 63.361730},
		{"eps obama", eps,
			[]string{" Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. "},
			[]string{"Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."}, 64.1302698},
		{"eps identical", eps, []string{"Niemand hat die Absicht, eine Mauer zu errichten"}, []string{"Niemand hat die Absicht, eine Mauer zu errichten"}, 100},

		{"effective a a", effective, []string{"a"}, []string{"a"}, 100},
		{"effective empty", effective, []string{""}, []string{"reference"}, 0},
		{"effective spaced", effective, []string{"a b c"}, []string{"a b c"}, 100},
		{"effective space removed", effective, []string{"a b c"}, []string{"abc"}, 100},
		{"effective empty c", effective, []string{""}, []string{"c"}, 0},
		{"effective two sentences", effective, []string{"a", "b"}, []string{"a", "c"}, 50},
		{"effective aa ab", effective, []string{"aa"}, []string{"ab"}, 25},

		{"whitespace obama", keepSpace,
			[]string{"Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."},
			[]string{"Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich."}, 67.3481606},
		{"whitespace risk", keepSpace,
			[]string{"risk assessment must be made of those who are qualified and expertise in the sector - these are the scientists ."},
			[]string{"risk assessment has to be undertaken by those who are qualified and expert in that area - that is the scientists ."}, 65.2414427},

		{"sentence 1", sentence,
			[]string{"Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře."},
			[]string{"Nejvíce smutní jsme z toho, že musíme rozhodovat o tom, kdo bude žít a kdo zemře."}, 39.14078509},
		{"sentence 2", sentence,
			[]string{"Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři."},
			[]string{"A někdy nemáme ani potřebný materiál, abychom jim pomohli, popsali lékaři."}, 31.22557079},
		{"sentence 3", sentence,
			[]string{"Lapali po dechu, jejich životy skončily dřív, než skutečně začaly."},
			[]string{"Lapali po dechu a pak jejich život skončil - dřív, než skutečně mohl začít, připomněli."}, 57.15704367},
	}
	for _, tt := range tests {
		if got := tt.c.Corpus(tt.hyps, tt.refs); math.Abs(got-tt.want) >= 1e-4 {
			t.Errorf("%s: chrF = %.7f, want %.7f", tt.name, got, tt.want)
		}
	}
}

// chrF++'s word n-grams, worked by hand: "a b" against "a c" has shared
// unigrams (a) among characters and words, and no shared bigram of either;
// orders 3 to 6 have no n-grams and do not count. Precision and recall are
// (½+0+½+0)/4 each, and F2 of ¼ and ¼ is ¼.
func TestChrFPlusPlusWords(t *testing.T) {
	tests := []struct {
		hyp, ref string
		want     float64
	}{
		{"a b", "a c", 25},
		{"Pray for us.", "Pray for us.", 100},
		{"", "Pray for us.", 0},
	}
	for _, tt := range tests {
		if got := ChrFPlusPlus.Corpus([]string{tt.hyp}, []string{tt.ref}); math.Abs(got-tt.want) >= 1e-9 {
			t.Errorf("chrF++(%q, %q) = %v, want %v", tt.hyp, tt.ref, got, tt.want)
		}
	}
}

// A hypothesis n-gram of an order its reference has none of is not
// counted, so it cannot drag down the corpus: order 2 of "abc" against "a"
// adds nothing, and the corpus's order 2 ("x" against "xy") has no
// hypothesis n-grams either. Only order 1 counts: precision 2/4, recall
// 2/3, F1 4/7.
func TestChrFCorpusUnmatchedOrder(t *testing.T) {
	c := ChrF{CharOrder: 2, Beta: 1}
	if got, want := c.Corpus([]string{"abc", "x"}, []string{"a", "xy"}), 400.0/7; math.Abs(got-want) >= 1e-9 {
		t.Errorf("chrF = %v, want %v", got, want)
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Pray for us.", []string{"Pray", "for", "us", "."}},
		{"(hi) a , ...", []string{"(hi", ")", "a", ",", "..", "."}},
		{"\"Amen\u00a0and\u3000amen", []string{"\"", "Amen", "and", "amen"}},
		{"기도해 주십시오.", []string{"기도해", "주십시오", "."}},
		{"“quoted”", []string{"“quoted”"}},
	}
	for _, tt := range tests {
		if got := words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// chrF++ as sacreBLEU computes it, word n-grams included: the scores are
// sacreBLEU 2.6.0's (github.com/mjpost/sacrebleu at commit
// f615c7286d4d813370efb824d94fc2bfcd3a6b94, signature
// nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no), from
//
//	c = CHRF(word_order=2)
//	c.corpus_score(hyps, [refs]).score
//	[c.sentence_score(h, [r]).score for h, r in zip(hyps, refs)]
//
// on the inputs below, which are ours. eval has one reference per
// sentence, so there are no multi-reference cases.
func TestChrFPlusPlusSacreBLEU(t *testing.T) {
	tests := []struct {
		name       string
		hyps, refs []string
		corpus     float64
		sentences  []float64
	}{
		{"punctuation",
			[]string{"Please pray for our family, and for the church."},
			[]string{"Pray for our family and for the church, please."},
			73.895890, []float64{73.895890}},
		{"leading punctuation",
			[]string{"(Thank you!) We are well, by God's grace."},
			[]string{"Thank you. We are well (by God's grace)!"},
			66.104455, []float64{66.104455}},
		{"quotes and runs",
			[]string{"\"Amen,\" he said... Amen!!"},
			[]string{"He said: \"Amen.\" Amen!"},
			35.806362, []float64{35.806362}},
		{"one-character words",
			[]string{"I pray , a lot - ok ?"},
			[]string{"I pray a lot, ok?"},
			51.472189, []float64{51.472189}},
		{"repeated words",
			[]string{"the the the church prays for the the mission"},
			[]string{"the church prays for the mission and the pastors"},
			68.753890, []float64{68.753890}},
		{"repeated bigram",
			[]string{"thank you thank you thank you"},
			[]string{"thank you so much, thank you"},
			52.441367, []float64{52.441367}},
		{"empty hypothesis",
			[]string{""},
			[]string{"We give thanks for every prayer."},
			0, []float64{0}},
		{"blank hypothesis",
			[]string{" \t "},
			[]string{"We give thanks."},
			0, []float64{0}},
		{"identical",
			[]string{"Grace and peace to you."},
			[]string{"Grace and peace to you."},
			100, []float64{100}},
		{"reference of one word",
			[]string{"Hallelujah, amen"},
			[]string{"Hallelujah"},
			86.194101, []float64{86.194101}},
		{"odd white space",
			[]string{"Amen\u00a0and\u3000amen\u2003 —\x1fpraise\tHim\n"},
			[]string{"Amen and amen — praise Him"},
			100, []float64{100}},
		{"korean",
			[]string{"하나님께 감사드립니다, 여러분의 기도 덕분입니다."},
			[]string{"여러분의 기도 덕분에 하나님께 감사를 드립니다."},
			51.990942, []float64{51.990942}},
		{"korean spacing",
			[]string{"기도해 주셔서 감사합니다!"},
			[]string{"기도해주셔서 감사합니다."},
			70.790726, []float64{70.790726}},
		{"japanese",
			[]string{"私たちは毎日祈っています。"},
			[]string{"私たちは毎日お祈りしています。"},
			40.823543, []float64{40.823543}},
		{"japanese and latin",
			[]string{"教会の新しい建物はGodの恵みです!"},
			[]string{"新しい教会の建物は神様の恵みです。"},
			29.179763, []float64{29.179763}},
		{"english corpus",
			[]string{"Dear friends, greetings from Seoul.", "The new building is almost finished!", "Please keep praying for the children's ministry."},
			[]string{"Dear friends, we greet you from Seoul.", "The new building is nearly finished.", "Please continue to pray for the children's ministry."},
			65.239423, []float64{64.712904, 65.623690, 65.319221}},
		{"corpus with an empty hypothesis",
			[]string{"Thank you.", "", "We love you all, and we miss you."},
			[]string{"Thank you!", "God is faithful.", "We love and miss you all."},
			48.690823, []float64{77.137897, 0, 62.417105}},
		{"mixed corpus",
			[]string{"하나님의 은혜로 잘 지내고 있습니다.", "We are doing well by God's grace.", "毎日祈っています。"},
			[]string{"하나님의 은혜 가운데 잘 지내고 있습니다.", "By God's grace, we are well.", "私たちは毎日祈っています。"},
			56.934557, []float64{64.016712, 50.789136, 56.586550}},
	}
	for _, tt := range tests {
		if got := ChrFPlusPlus.Corpus(tt.hyps, tt.refs); math.Abs(got-tt.corpus) >= 1e-4 {
			t.Errorf("%s: corpus chrF++ = %.6f, want %.6f", tt.name, got, tt.corpus)
		}
		for i, want := range tt.sentences {
			if got := ChrFPlusPlus.Score(ChrFPlusPlus.Stats(tt.hyps[i], tt.refs[i])); math.Abs(got-want) >= 1e-4 {
				t.Errorf("%s: sentence %d chrF++ = %.6f, want %.6f", tt.name, i, got, want)
			}
		}
	}
}
