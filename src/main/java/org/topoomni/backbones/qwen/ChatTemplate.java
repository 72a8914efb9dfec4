package org.topoomni.backbones.qwen;

/**
 * Qwen2.5-Omni's chat template for one user turn, rendered as its Jinja template renders it, with
 * the placeholders already expanded as the processor expands them:
 * <pre>
 * &lt;|im_start|&gt;system\n{system}&lt;|im_end|&gt;\n
 * &lt;|im_start|&gt;user\n&lt;|vision_bos|&gt;&lt;|IMAGE|&gt;*n&lt;|vision_eos|&gt;&lt;|audio_bos|&gt;&lt;|AUDIO|&gt;*m&lt;|audio_eos|&gt;{text}&lt;|im_end|&gt;\n
 * &lt;|im_start|&gt;assistant\n
 * </pre>
 * (image first, then sound, then the text, the order of Qwen's examples). An answer to learn
 * follows as {@code {answer}<|im_end|>\n}. The template puts in "You are a helpful assistant."
 * when a conversation has no system turn; {@link #QWEN_SYSTEM} is the one Qwen's model card and
 * processor expect.
 */
final class ChatTemplate {
    /** The system prompt of Qwen2.5-Omni's model card (the processor warns about any other). */
    static final String QWEN_SYSTEM = "You are Qwen, a virtual human developed by the Qwen Team, Alibaba Group, capable of perceiving auditory and visual inputs, as well as generating text and speech.";
    /** What the Jinja template inserts when the conversation starts without a system turn. */
    static final String TEMPLATE_DEFAULT_SYSTEM = "You are a helpful assistant.";

    private ChatTemplate() {}

    /**
     * The prompt text of one user turn.
     *
     * @param system      the system prompt, or null for a conversation rendered without a system turn
     * @param imageTokens merged tokens of the image, or 0 for none
     * @param audioTokens tokens of the sound, or 0 for none
     * @param text        the user's text (may be empty)
     */
    static String prompt(String system, int imageTokens, int audioTokens, String text) {
        StringBuilder b = new StringBuilder();
        if (system != null) b.append(QwenTokenizer.IM_START).append("system\n").append(system).append(QwenTokenizer.IM_END).append('\n');
        b.append(QwenTokenizer.IM_START).append("user\n");
        if (imageTokens > 0) b.append(QwenTokenizer.VISION_BOS).append(QwenTokenizer.IMAGE.repeat(imageTokens)).append(QwenTokenizer.VISION_EOS);
        if (audioTokens > 0) b.append(QwenTokenizer.AUDIO_BOS).append(QwenTokenizer.AUDIO.repeat(audioTokens)).append(QwenTokenizer.AUDIO_EOS);
        if (text != null) b.append(text);
        b.append(QwenTokenizer.IM_END).append('\n');
        b.append(QwenTokenizer.IM_START).append("assistant\n");
        return b.toString();
    }

    /** What follows the prompt when an answer is learned: the answer and the end of the assistant turn. */
    static String answer(String answer) {
        return answer + QwenTokenizer.IM_END + "\n";
    }
}
