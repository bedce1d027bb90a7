// Package eval measures how well a backend and model translate a
// newsletter's letters, with the letters' own approved translations as the
// references: what `epistle eval` prints.
//
// Each backend/model translates the approved sentences again through the
// translate engine, blind: the run starts from catalogs without the
// letter's approvals ([translate.Options.Catalogs], [translate.Options.Only])
// and the translation memory hides every approved translation of the letter
// (memory.Hide), so that none reaches the translator as an example or a
// memory match. The other letters' approvals still serve, as they would in
// a real run (leave one letter out). Nothing is written.
//
// The translations are then scored against the approved text: chrF++ as
// sacreBLEU 2.x computes it ([ChrFPlusPlus]: character n-grams up to 6 and
// word n-grams up to 2, recall weighted twice precision, statistics summed
// over the corpus before one F-score), the share identical, the mean edit
// distance in characters, glossary compliance, QA problems by check,
// failures, tokens, cost and time; beside them what reviewers changed in
// the same backend/model's earlier output ([review.Stats]). [HTML] renders
// the report as one self-contained page.
package eval
