package io.mlops.serving;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /v1/predict}: predicts one instance or a batch with the current model and logs each prediction. */
final class PredictEndpoint {
    private final ModelSlot slot;
    private final int maxBatch;
    private final ServiceLimits limits;
    private final PredictionLog log;
    private volatile ReplyWriter replyWriter;

    PredictEndpoint(final ModelSlot slot, final int maxBatch, final ServiceLimits limits, final PredictionLog log) {
        this.slot = slot;
        this.maxBatch = maxBatch;
        this.limits = limits;
        this.log = log;
    }

    Reply answer(final byte[] body) throws PredictionHandler.HttpProblem {
        ServedModel model = slot.current();
        InputReader.Inputs inputs = model.predictor().reader().read(body, maxBatch);
        boolean batch = inputs.batch();
        int count = inputs.instances().size();
        String[] ids = new String[count];
        Predictor.Result[] results = new Predictor.Result[count];
        for (int i = 0; i < count; i++) {
            Instance instance = inputs.instances().get(i);
            try {
                model.predictor().validate(instance, limits.maxTextChars());
                Predictor.Result result = model.predictor().predict(instance);
                model.drift().observe(instance);
                ids[i] = log.record(model, result.label());
                results[i] = result;
            } catch (InvalidInputException full) {
                // the first problems and their count: a body with 100,000 unknown fields got a 10 MB reply
                InvalidInputException exception = full.capped(limits.maxProblems());
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("error", exception.getMessage());
                if (batch) {
                    error.put("instance", i);
                }
                error.put("fields", exception.fields());
                error.put("problems", exception.total());
                return Reply.json(400, error);
            }
        }
        return new Reply(200, "application/json", replyWriter(model).write(batch, ids, results));
    }

    /** The reply writer of the model, prepared once per model rather than once per request. */
    private ReplyWriter replyWriter(final ServedModel model) {
        ReplyWriter cached = replyWriter;
        if (cached == null || cached.model() != model) {
            cached = new ReplyWriter(model);
            replyWriter = cached;
        }
        return cached;
    }
}
