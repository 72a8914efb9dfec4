package org.topoomni.stimuli.text;

import org.junit.jupiter.api.Test;
import org.topoomni.stimuli.Seeds;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusGenerator;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class TextGeneratorsTest {
    private static final TextGenerator TEXT = new TextGenerator();

    private static Stimulus make(String category, int i) {
        return TEXT.generate(category, i, i % 4 + 1, Seeds.item(42, "text", TEXT.seedKey(category), i));
    }

    @Test
    void everyCategoryIsDeterministicAndSeedDependent() {
        assertEquals(List.of("sentences", "nonwords", "false_belief", "false_photo", "arithmetic_hard",
                "arithmetic_easy", "corpus"), TEXT.categories());
        for (String c : TEXT.categories()) {
            Set<String> distinct = new HashSet<>();
            for (int i = 0; i < 16; i++) {
                Stimulus a = make(c, i), b = make(c, i);
                assertEquals(a.text(), b.text());
                assertEquals(a.attributes(), b.attributes());
                assertEquals(c + "_" + String.format("%04d", i), a.id());
                assertEquals(c, a.category());
                assertFalse(a.text().isBlank());
                assertFalse(a.hasImage() || a.hasAudio());
                distinct.add(a.text());
                Stimulus other = TEXT.generate(c, i, 1, Seeds.item(43, "text", TEXT.seedKey(c), i));
                if (!c.equals("arithmetic_easy")) assertNotEquals(a.text(), other.text(), c + " " + i);
            }
            assertTrue(distinct.size() >= (c.equals("arithmetic_easy") ? 8 : 14), c + ": " + distinct.size());
        }
        assertEquals(32 * 64, TEXT.count("corpus", 64));
        assertEquals(64, TEXT.count("sentences", 64));
        assertEquals("sentences", TEXT.seedKey("nonwords"));
    }

    @Test
    void badArgumentsGiveClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TEXT.generate("poems", 0, 1, 1));
        assertTrue(e.getMessage().contains("'poems'") && e.getMessage().contains("sentences"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TEXT.generate("sentences", -1, 1, 1));
        assertTrue(e.getMessage().contains("index"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TEXT.generate("corpus", 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TEXT.generate(null, 0, 1, 1));
    }

    @Test
    void theoryOfMindHasAtLeastFortyDistinctStoriesPerConditionWithTheRightQuestions() {
        Pattern fbQuestion = Pattern.compile(".*[.!] ([A-Z][^.?]*\\b(think|thinks|believe|believes)\\b[^.?]*)\\?$");
        Pattern fpQuestion = Pattern.compile(".*[.!] ([A-Z][^.?]*\\b(photograph|photo|map|sign|painting|video|board"
                + "|timetable|postcard|image|plan)\\b[^.?]*)\\?$");
        Set<String> fb = new HashSet<>(), fp = new HashSet<>(), fbFrames = new HashSet<>(), fpFrames = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            Stimulus b = make("false_belief", i), p = make("false_photo", i);
            fb.add(b.text());
            fp.add(p.text());
            fbFrames.add(b.attributes().get("frame"));
            fpFrames.add(p.attributes().get("frame"));
            Matcher mb = fbQuestion.matcher(b.text());
            assertTrue(mb.matches(), "false-belief story must end with a question about a belief: " + b.text());
            Matcher mp = fpQuestion.matcher(p.text());
            assertTrue(mp.matches(), "false-photo story must end with a question about a representation: " + p.text());
            assertFalse(mp.group(1).matches(".*\\b(think|believe)s?\\b.*"), p.text());
            assertTrue(b.text().contains(b.attributes().get("answer").replace("the ", "")), b.text());
            assertTrue(p.text().split("\\.")[0].contains(p.attributes().get("answer").replaceFirst("^(the|on the|a) ", "")),
                    "the answer of a false-photo story is what the representation first showed: " + p.text());
            int words = Integer.parseInt(b.attributes().get("words"));
            assertTrue(words >= 30 && words <= 70, b.text());
        }
        assertTrue(fb.size() >= 40, "distinct false-belief stories: " + fb.size());
        assertTrue(fp.size() >= 40, "distinct false-photo stories: " + fp.size());
        assertEquals(TheoryOfMindGenerator.frames(), fbFrames.size());
        assertEquals(TheoryOfMindGenerator.frames(), fpFrames.size());
        assertTrue(TheoryOfMindGenerator.frames() >= 12);
    }

    @Test
    void nonwordListsMatchTheirSentenceInWordCountAndLength() {
        NonwordModel model = NonwordModel.system();
        assertTrue(model.trained(), "the system word list should be installed (wamerican)");
        int checked = 0;
        for (int i = 0; i < 64; i++) {
            long seed = Seeds.item(7, "text", "sentences", i);
            Stimulus s = TEXT.generate("sentences", i, 1, seed), n = TEXT.generate("nonwords", i, 1, seed);
            String[] sw = TextItems.words(s.text()), nw = TextItems.words(n.text());
            assertEquals(sw.length, nw.length, s.text() + " / " + n.text());
            assertEquals(s.attributes().get("words"), n.attributes().get("words"));
            assertTrue(Character.isUpperCase(n.text().charAt(0)) && n.text().endsWith("."), n.text());
            Set<String> distinct = new HashSet<>();
            for (int k = 0; k < sw.length; k++) {
                String w = nw[k].toLowerCase();
                assertTrue(Math.abs(w.length() - Math.max(3, sw[k].length())) <= 1, sw[k] + " -> " + w);
                assertFalse(model.isWordLike(w), "'" + w + "' is a real word or an inflected one");
                assertTrue(w.matches("[a-z]+") && w.matches(".*[aeiouy].*"), w);
                distinct.add(w);
                checked++;
            }
            assertEquals(sw.length, distinct.size(), n.text());
            double ls = Integer.parseInt(s.attributes().get("letters")), ln = Integer.parseInt(n.attributes().get("letters"));
            assertTrue(Math.abs(ls - ln) / ls < 0.25, s.text() + " / " + n.text());
            int words = sw.length;
            assertTrue(words >= 7 && words <= 16, s.text());
        }
        assertTrue(checked > 400);
    }

    @Test
    void nonwordModelFallsBackToSyllablesWithoutAWordList() {
        NonwordModel m = new NonwordModel(List.of());
        assertFalse(m.trained());
        assertTrue(NonwordModel.system().isWordLike("dogs") && NonwordModel.system().isWordLike("kettled")
                && NonwordModel.system().isWordLike("lampings"));
        assertFalse(NonwordModel.system().isWordLike("blorpt"));
        SplittableRandom r = new SplittableRandom(1);
        for (int len = 1; len < 10; len++) {
            String w = m.nonword(r, len, Set.of());
            assertTrue(Math.abs(w.length() - Math.max(3, len)) <= 1, len + " -> " + w);
            assertTrue(m.acceptable(w), w);
        }
    }

    @Test
    void arithmeticAnswersAreCorrectAndHardProblemsCarry() {
        Pattern problem = Pattern.compile("^(?:What is|Compute|How much is) (\\d+(?: [-+] \\d+)+)[?.]$");
        for (String c : List.of("arithmetic_hard", "arithmetic_easy")) {
            for (int i = 0; i < 64; i++) {
                Stimulus s = make(c, i);
                Matcher m = problem.matcher(s.text());
                assertTrue(m.matches(), s.text());
                String[] t = m.group(1).split(" ");
                long v = Long.parseLong(t[0]);
                boolean everyStepCarries = true;
                for (int k = 1; k < t.length; k += 2) {
                    long x = Long.parseLong(t[k + 1]);
                    if (t[k].equals("+")) {
                        everyStepCarries &= v % 10 + x % 10 >= 10;
                        v += x;
                    } else {
                        everyStepCarries &= x % 10 > v % 10;
                        v -= x;
                    }
                }
                assertEquals(Long.toString(v), s.attributes().get("answer"), s.text());
                int steps = t.length / 2;
                assertEquals(Integer.toString(steps), s.attributes().get("steps"));
                if (c.equals("arithmetic_hard")) {
                    assertTrue(steps >= 2 && everyStepCarries && v > 0, s.text());
                    for (int k = 0; k < t.length; k += 2) assertEquals(2, t[k].length(), s.text());
                } else {
                    assertEquals(1, steps);
                    assertTrue(t[0].length() == 1 && t[2].length() == 1 && v >= 0 && v <= 9, s.text());
                }
            }
        }
    }

    @Test
    void corpusMixesFortunesSentencesAndCaptions() {
        CorpusGenerator corpus = new CorpusGenerator();
        assertTrue(corpus.fortunes() > 500, "fortunes kept: " + corpus.fortunes());
        Set<String> kinds = new HashSet<>(), abouts = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            Stimulus s = corpus.generate("corpus", i, 1, Seeds.item(1, "text", "corpus", i));
            kinds.add(s.attributes().get("kind"));
            if (s.attributes().containsKey("about")) abouts.add(s.attributes().get("about"));
            assertTrue(s.text().length() <= 160, s.text());
        }
        assertEquals(Set.of("fortune", "sentence", "caption"), kinds);
        assertTrue(abouts.containsAll(Set.of("faces", "speech", "music", "animals", "vehicles")), abouts.toString());
        CorpusGenerator noFortunes = new CorpusGenerator(List.of(), 4);
        assertEquals("template", noFortunes.source("corpus"));
        assertEquals(8, noFortunes.count("corpus", 2));
        assertNotEquals("fortune", noFortunes.generate("corpus", 2, 1, 5).attributes().get("kind"));
    }

    @Test
    void fortuneParsingKeepsShortCleanProse() {
        String file = String.join("\n",
                "A journey of a thousand miles begins with a single step.",
                "\t\t-- Lao Tse",
                "%",
                "Roses are red,",
                "\tviolets are blue.",
                "%",
                "Short.",
                "%",
                "This line has a URL http://example.com in it, which is not clean prose.",
                "%",
                "The early bird gets the worm,",
                "but the second mouse gets the cheese.",
                "%",
                "He drank the whole bottle of whisky before noon.",
                "%");
        assertEquals(List.of("A journey of a thousand miles begins with a single step.",
                "The early bird gets the worm, but the second mouse gets the cheese."), Fortunes.parse(file));
        assertTrue(Fortunes.load(java.nio.file.Path.of("/nonexistent")).isEmpty());
    }

    @Test
    void sentenceGrammarFillsEverySlot() {
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < SentenceGrammar.templates(); t++) {
            for (int k = 0; k < 5; k++) {
                String s = SentenceGrammar.sentence(r, t);
                assertFalse(s.contains("{") || s.contains("}"), s);
                assertTrue(Character.isUpperCase(s.charAt(0)) && s.endsWith("."), s);
                assertFalse(s.matches(".*\\ba [aeiou].*"), s);
            }
        }
    }

    @Test
    void compositeRejectsClashingParts() {
        StimulusGenerator a = new LanguageGenerator();
        assertThrows(IllegalArgumentException.class, () -> new TextGenerator(List.of(a, new LanguageGenerator())));
    }
}
