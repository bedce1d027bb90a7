package openai

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/epistle-letters/epistle/pipeline/translate"
)

// DefaultPoll is how often TranslateBatch asks after a batch when the caller
// does not say.
const DefaultPoll = 30 * time.Second

// createTimeout bounds the request that creates a batch, which a cancel
// does not cut short.
const createTimeout = time.Minute

// TranslateBatch translates reqs through OpenAI's Batch API, which costs half
// as much and answers within 24 hours: it uploads one chat request per
// element of reqs as a JSONL file, starts a batch, asks after it every poll
// (waiting through clock, so that a test waits on none) until it is done and reads the answers back. Responses are in the order of
// reqs. A request the batch could not answer, or answered with something
// unreadable, gets a response without translations, so its units are
// missing and the pipeline translates them again; the HTTP requests of the
// whole batch are counted in the first response.
//
// When ctx is cancelled the batch is cancelled at the service too, so it
// costs nothing more, and ctx's error is returned; a batch is never left
// running without its id, even when the cancel comes while it is being
// created.
func (t *Translator) TranslateBatch(ctx context.Context, reqs []*translate.Request, poll time.Duration, clock translate.Clock) ([]*translate.Response, error) {
	if poll <= 0 {
		poll = DefaultPoll
	}
	out := make([]*translate.Response, len(reqs))
	for i := range out {
		out[i] = &translate.Response{Translations: map[string]string{}}
	}
	if len(reqs) == 0 {
		return out, nil
	}
	requests := 0
	defer func() { out[0].Requests = requests }()

	// Azure names the endpoint without the version prefix.
	endpoint := goopenai.BatchEndpointChatCompletions
	if t.azure {
		endpoint = "/chat/completions"
	}
	var upload goopenai.UploadBatchFileRequest
	format := t.format.Load()
	for i, req := range reqs {
		upload.Lines = append(upload.Lines, goopenai.BatchChatCompletionRequest{
			CustomID: customID(i), Body: t.chatRequest(req, format), Method: http.MethodPost, URL: endpoint})
	}
	upload.FileName = "epistle-batch.jsonl"
	file, err := t.client.UploadBatchFile(ctx, upload)
	requests++
	if err != nil {
		return nil, t.classify(ctx, err, nil)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The batch is created under a context a cancel does not reach: a
	// request cut off after the service made the batch would lose its id
	// and leave it running, and billed, with nobody to cancel it.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), createTimeout)
	batch, err := t.client.CreateBatch(cctx, goopenai.CreateBatchRequest{
		InputFileID: file.ID, Endpoint: endpoint, CompletionWindow: "24h"})
	cancel()
	requests++
	if err != nil {
		return nil, t.classify(cctx, err, nil)
	}
	id := batch.ID
	if ctx.Err() != nil {
		t.cancelBatch(ctx, id)
		return nil, ctx.Err()
	}
	for !batchDone(batch.Status) {
		if err := clock.Sleep(ctx, poll); err != nil {
			t.cancelBatch(ctx, id)
			return nil, err
		}
		batch, err = t.client.RetrieveBatch(ctx, id)
		requests++
		if err != nil {
			if ctx.Err() != nil {
				t.cancelBatch(ctx, id)
			}
			return nil, t.classify(ctx, err, nil)
		}
	}
	// An expired batch may still have answered some requests.
	if batch.OutputFileID == nil || *batch.OutputFileID == "" {
		return nil, t.service.StatusError(translate.ErrRejected, 0, nil, batchProblem(batch))
	}
	content, err := t.client.GetFileContent(ctx, *batch.OutputFileID)
	requests++
	if err != nil {
		return nil, t.classify(ctx, err, nil)
	}
	defer content.Close()
	if err := t.readBatchOutput(content, reqs, out); err != nil {
		return nil, t.service.TransportError(ctx, err)
	}
	return out, nil
}

func customID(i int) string { return "r" + strconv.Itoa(i) }

// batchDone reports whether a batch with status will change no more.
func batchDone(status string) bool {
	switch status {
	case "completed", "failed", "expired", "cancelled":
		return true
	}
	return false
}

// batchProblem says why a batch has no output.
func batchProblem(b goopenai.BatchResponse) string {
	if b.Errors != nil && len(b.Errors.Data) > 0 {
		return fmt.Sprintf("batch %s: %s", b.Status, b.Errors.Data[0].Message)
	}
	return "batch " + b.Status + " without output"
}

// cancelBatch asks the service to stop a batch nobody waits for any more.
// ctx is already done, so the request gets a short life of its own.
func (t *Translator) cancelBatch(ctx context.Context, id string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	t.client.CancelBatch(ctx, id)
}

// readBatchOutput reads the JSONL output of a batch into out.
func (t *Translator) readBatchOutput(r io.Reader, reqs []*translate.Request, out []*translate.Response) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var item struct {
			CustomID string `json:"custom_id"`
			Response *struct {
				StatusCode int                             `json:"status_code"`
				Body       goopenai.ChatCompletionResponse `json:"body"`
			} `json:"response"`
		}
		if err := json.Unmarshal(line, &item); err != nil {
			return err
		}
		i, err := strconv.Atoi(strings.TrimPrefix(item.CustomID, "r"))
		if err != nil || i < 0 || i >= len(reqs) || item.Response == nil || item.Response.StatusCode != 200 {
			continue
		}
		body := item.Response.Body
		out[i].PromptTokens, out[i].CompletionTokens = body.Usage.PromptTokens, body.Usage.CompletionTokens
		if tr, err := t.reply(body, reqs[i].Units); err == nil {
			out[i].Translations = tr
		}
	}
	return sc.Err()
}
