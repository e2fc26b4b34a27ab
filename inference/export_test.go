package inference

import "context"

// ReadConversation reads a conversation as Ask does before it answers: the
// log's events, the placeholder mapping, the turns and what the model
// would be sent. For the benchmark of that step.
func (a *Assistant) ReadConversation(ctx context.Context, id string) error {
	conv := a.convs.get(id)
	conv.mu.Lock()
	defer conv.mu.Unlock()
	th, err := a.read(ctx, conv, a.parts.Recorder.ConversationRef(id))
	if err != nil {
		return err
	}
	th.topic()
	th.recent()
	return nil
}
