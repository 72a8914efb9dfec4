package org.topoomni.stimuli.text;

import org.topoomni.stimuli.Provenance;
import org.topoomni.stimuli.Stimulus;
import org.topoomni.stimuli.StimulusGenerator;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Theory-of-mind localizer (Saxe &amp; Kanwisher 2003; Dodell-Feder et al. 2011):
 * {@code false_belief} stories, in which a person's belief becomes outdated without their
 * knowing, vs {@code false_photo} stories, in which a photograph, map, sign, painting or
 * recording becomes outdated. Both have the same shape (a situation, a change, a question about
 * the outdated representation), so they differ in whether the representation is a mind. Twelve
 * frames per condition are filled with varied names (with matching pronouns), objects, places,
 * times and colours, giving thousands of distinct stories. A false-belief story ends with a
 * question about what a person thinks or believes; a false-photo story with one about what the
 * photo/map/sign... shows. The attribute "answer" holds the outdated content (the correct answer).
 */
public final class TheoryOfMindGenerator implements StimulusGenerator {
    public static final String FALSE_BELIEF = "false_belief", FALSE_PHOTO = "false_photo";
    private static final List<String> CATEGORIES = List.of(FALSE_BELIEF, FALSE_PHOTO);

    /** A story, its final question, and the answer (the outdated content). */
    record Story(String text, String answer) {}

    private record P(String name, String he, String his) {
        String He() { return Words.capitalise(he); }
    }

    private static P person(SplittableRandom r) {
        boolean f = r.nextBoolean();
        return new P(Words.pick(r, f ? Words.FEMALE : Words.MALE), f ? "she" : "he", f ? "her" : "his");
    }

    private static P[] people(SplittableRandom r, int n) {
        P[] ps = new P[n];
        for (int i = 0; i < n; i++) {
            P p;
            boolean clash;
            do {
                p = person(r);
                clash = false;
                for (int j = 0; j < i; j++) clash |= ps[j].name.equals(p.name);
            } while (clash);
            ps[i] = p;
        }
        return ps;
    }

    private static String time(SplittableRandom r) {
        int h = 6 + r.nextInt(14);
        int m = 5 * r.nextInt(12);
        return String.format(java.util.Locale.ROOT, "%d:%02d", h, m);
    }

    private static String[] twoTimes(SplittableRandom r) {
        String a = time(r), b;
        do {
            b = time(r);
        } while (b.equals(a));
        return new String[] {a, b};
    }

    private static final List<Function<SplittableRandom, Story>> BELIEF = List.of(
            r -> {
                P[] p = people(r, 2);
                String[] food = Words.pick2(r, Words.FOOD);
                String c = Words.pick(r, Words.COLOUR);
                return new Story(p[0].name + " made " + food[0] + " in the " + c + " dish and put it in the fridge. After "
                        + p[0].name + " left for work, " + p[1].name + " came home and ate the " + food[0] + ". Then "
                        + p[1].he + " filled the " + c + " dish with " + food[1] + " and put it back in the fridge. "
                        + "What does " + p[0].name + " think is in the " + c + " dish?", food[0]);
            },
            r -> {
                P[] p = people(r, 2);
                String thing = Words.pick(r, Words.SMALL_THING);
                String[] cont = Words.pick2(r, Words.CONTAINER);
                String place = Words.pick(r, Words.PLACE);
                return new Story(p[0].name + " put " + p[0].his + " " + thing + " in the " + cont[0] + " and went out to the "
                        + place + ". While " + p[0].he + " was away, " + p[1].name + " moved the " + thing + " to the "
                        + cont[1] + ". " + p[0].name + " comes back to get the " + thing + ". "
                        + "Where does " + p[0].name + " think the " + thing + " is?", "the " + cont[0]);
            },
            r -> {
                P p = person(r);
                String city = Words.pick(r, Words.CITY);
                String[] t = twoTimes(r);
                return new Story(p.name + " checked the timetable on Monday and saw that the train to " + city
                        + " leaves at " + t[0] + ". On Tuesday the railway changed the departure to " + t[1]
                        + ", but nobody told " + p.name + ". "
                        + "At what time does " + p.name + " believe the train to " + city + " leaves?", t[0]);
            },
            r -> {
                P[] p = people(r, 3);
                String[] pl = Words.pick2(r, Words.PLACE);
                return new Story(p[0].name + " agreed to meet " + p[1].name + " at the " + pl[0] + " at noon. After "
                        + p[1].name + " went home, " + p[0].name + " changed the plan to the " + pl[1]
                        + " and told only " + p[2].name + ". "
                        + "Where does " + p[1].name + " believe the meeting will be?", "the " + pl[0]);
            },
            r -> {
                P[] p = people(r, 2);
                String[] cont = {"tin", "jar", "box", "bag"};
                String c = Words.pick(r, cont);
                String[] stuff = {"biscuits", "buttons", "sweets", "coins", "pencils", "marbles", "tea bags", "seeds"};
                String[] s = Words.pick2(r, stuff);
                return new Story(p[0].name + " found a " + c + " of " + s[0] + " on the kitchen table. While "
                        + p[0].name + " was in the garden, " + p[1].name + " took out the " + s[0] + " and filled the "
                        + c + " with " + s[1] + ". " + p[0].name + " did not see this. "
                        + "What does " + p[0].name + " think is inside the " + c + "?", s[0]);
            },
            r -> {
                P p = person(r);
                String[] col = Words.pick2(r, Words.COLOUR);
                String city = Words.pick(r, Words.CITY);
                return new Story(p.name + " painted the garden fence " + col[0] + " before going on a trip to " + city
                        + ". While " + p.he + " was away, the neighbours repainted the fence " + col[1] + ". "
                        + p.He() + " has not yet returned home. "
                        + "What colour does " + p.name + " believe the fence is?", col[0]);
            },
            r -> {
                P[] p = people(r, 2);
                String[] s = Words.pick2(r, Words.SURFACE);
                return new Story(p[0].name + " left the car keys on the " + s[0] + " before going to bed. Early in the"
                        + " morning, " + p[1].name + " moved them to the " + s[1] + " while " + p[0].name
                        + " was still asleep. When " + p[0].name + " wakes up, " + p[0].he + " wants to drive to work. "
                        + "Where does " + p[0].name + " think the keys are?", "the " + s[0]);
            },
            r -> {
                P[] p = people(r, 2);
                String[] shelf = Words.pick2(r, new String[] {"top", "bottom", "middle", "left", "right", "corner"});
                String book = Words.pick(r, new String[] {"atlas", "cookbook", "novel", "dictionary", "poetry book", "travel guide"});
                return new Story(p[0].name + " put the " + book + " back on the " + shelf[0] + " shelf of the library. After "
                        + p[0].name + " went home, the librarian " + p[1].name + " moved it to the " + shelf[1]
                        + " shelf. Tomorrow " + p[0].name + " wants to borrow it again. "
                        + "On which shelf does " + p[0].name + " think the " + book + " is?", shelf[0]);
            },
            r -> {
                P p = person(r);
                String pet = Words.pick(r, new String[] {"cat", "dog", "rabbit", "kitten", "puppy"});
                String[] room = Words.pick2(r, Words.ROOM);
                return new Story(p.name + "'s " + pet + " was sleeping in the " + room[0] + " when " + p.name
                        + " left for the office. During the day the " + pet + " moved to the " + room[1] + ". "
                        + p.He() + " is still at the office. "
                        + "Where does " + p.name + " think the " + pet + " is sleeping?", "the " + room[0]);
            },
            r -> {
                P p = person(r);
                String item = Words.pick(r, new String[] {"lamp", "jacket", "bicycle", "clock", "teapot", "camera", "rug"});
                int a = 20 + 5 * r.nextInt(30), b = a - 5 - 5 * r.nextInt(3);
                return new Story(p.name + " saw that the " + item + " in the shop window cost " + a
                        + " dollars. The next morning, the owner lowered the price to " + b + " dollars. " + p.name
                        + " has not been back to the shop since. "
                        + "How much does " + p.name + " think the " + item + " costs?", a + " dollars");
            },
            r -> {
                P p = person(r);
                String[] pl = Words.pick2(r, new String[] {"park", "town hall", "old church", "harbour", "school gym",
                        "market square", "castle garden"});
                String ev = Words.pick(r, new String[] {"concert", "book fair", "dance", "film night", "flower show"});
                return new Story("On Monday " + p.name + " heard that the " + ev + " would be held in the " + pl[0]
                        + ". On Tuesday the organisers moved it to the " + pl[1] + ", but " + p.name
                        + " was travelling and missed the news. "
                        + "Where does " + p.name + " believe the " + ev + " will be?", "the " + pl[0]);
            },
            r -> {
                P[] p = people(r, 2);
                String[] fl = Words.pick2(r, new String[] {"roses", "tulips", "daisies", "lilies", "sunflowers", "orchids"});
                return new Story(p[0].name + " bought " + fl[0] + " for " + p[0].his + " mother and left them in a vase by"
                        + " the door. While " + p[0].name + " was out, " + p[1].name + " knocked the vase over and"
                        + " replaced the flowers with " + fl[1] + ". " + p[0].name + " did not notice the change. "
                        + "Which flowers does " + p[0].name + " think are in the vase?", fl[0])
                ;
            });

    private static final List<Function<SplittableRandom, Story>> PHOTO = List.of(
            r -> {
                String fruit = Words.pick(r, Words.FRUIT);
                String[] dev = {"half an hour", "twenty minutes", "an hour", "a few minutes"};
                return new Story("A photograph was taken of " + Words.article(fruit) + " " + fruit
                        + " hanging on a tree branch. The film took " + Words.pick(r, dev) + " to develop. In the"
                        + " meantime, a strong wind blew the " + fruit + " to the ground. "
                        + "Where does the developed photograph show the " + fruit + "?", "on the branch");
            },
            r -> {
                String town = Words.pick(r, Words.TOWN);
                String[] b = Words.pick2(r, Words.BUILDING);
                return new Story("An old map of " + town + " shows " + Words.article(b[0]) + " " + b[0]
                        + " next to the river. Years later the " + b[0] + " was torn down and "
                        + Words.article(b[1]) + " " + b[1] + " was built in its place. "
                        + "What does the old map show next to the river?", b[0]);
            },
            r -> {
                String shop = Words.pick(r, Words.SHOP);
                String[] t = twoTimes(r);
                return new Story("A sign outside the " + shop + " says that it is open until " + t[0]
                        + ". Last month the " + shop + " changed its hours and now closes at " + t[1]
                        + ". Nobody has updated the sign. "
                        + "What closing time does the sign show?", t[0]);
            },
            r -> {
                String[] col = Words.pick2(r, Words.COLOUR);
                String street = Words.pick(r, new String[] {"Mill Lane", "High Street", "Church Road", "Park Avenue",
                        "River Walk", "Station Road"});
                return new Story("A painter made a picture of the " + col[0] + " house on " + street
                        + ". A year later the owners painted the house " + col[1] + ". The picture now hangs in a"
                        + " gallery. What colour is the house in the painting?", col[0]);
            },
            r -> {
                String col = Words.pick(r, Words.COLOUR);
                String pl = Words.pick(r, Words.PLACE);
                String v = Words.pick(r, Words.VEHICLE);
                return new Story("A photo was taken of a " + col + " car parked in front of the " + pl
                        + ". An hour later the car drove away and " + Words.article(v) + " " + v + " parked in the same"
                        + " spot. What does the photo show in front of the " + pl + "?", "a " + col + " car");
            },
            r -> {
                String animal = Words.pick(r, new String[] {"cat", "parrot", "dog", "squirrel", "owl", "monkey"});
                String[] s = Words.pick2(r, Words.SURFACE);
                return new Story("A video camera recorded the " + animal + " sitting on the " + s[0]
                        + ". After the recording stopped, the " + animal + " jumped onto the " + s[1]
                        + ". The video was saved to the computer. "
                        + "Where is the " + animal + " in the video?", "on the " + s[0]);
            },
            r -> {
                String[] soup = Words.pick2(r, new String[] {"tomato", "onion", "pea", "mushroom", "carrot", "lentil", "potato"});
                return new Story("The menu board at the cafe lists " + soup[0] + " soup as the soup of the day. At lunch"
                        + " time the cook ran out and made " + soup[1] + " soup instead, but the board was not changed. "
                        + "Which soup does the menu board list?", soup[0]);
            },
            r -> {
                String city = Words.pick(r, Words.CITY);
                String[] t = twoTimes(r);
                return new Story("The printed timetable shows the bus to " + city + " leaving at " + t[0]
                        + ". After the timetables were printed, the company moved the departure to " + t[1]
                        + ". The old timetables are still on the wall. "
                        + "What departure time does the printed timetable show?", t[0]);
            },
            r -> {
                String town = Words.pick(r, Words.TOWN);
                String[] cover = Words.pick2(r, new String[] {"white sand", "smooth pebbles", "seaweed", "snow",
                        "sunbathers", "fishing boats"});
                return new Story("A postcard shows the beach at " + town + " covered in " + cover[0]
                        + ". Since the postcard was printed, the beach has been covered in " + cover[1] + ". "
                        + "What does the postcard show on the beach?", cover[0]);
            },
            r -> {
                String town = Words.pick(r, Words.TOWN);
                String[] crop = Words.pick2(r, Words.CROP);
                return new Story("A satellite image showed the field next to " + town + " full of " + crop[0]
                        + ". After the image was taken, the farmers ploughed the field and planted " + crop[1] + ". "
                        + "What does the satellite image show in the field?", crop[0]);
            },
            r -> {
                int a = r.nextInt(5), b = r.nextInt(5);
                String sport = Words.pick(r, new String[] {"football", "hockey", "handball", "water polo"});
                return new Story("A photograph of the scoreboard was taken during the " + sport + " match when the score"
                        + " was " + a + " to " + b + ". In the last minute, the home team scored again. "
                        + "What score does the photograph show?", a + " to " + b);
            },
            r -> {
                String ex = Words.pick(r, Words.EXHIBIT);
                String[] hall = Words.pick2(r, new String[] {"east", "west", "north", "south"});
                return new Story("The floor plan at the museum entrance shows the " + ex + " in the " + hall[0]
                        + " hall. Last week the " + ex + " was moved to the " + hall[1] + " hall, and the plan was"
                        + " not changed. Where does the floor plan show the " + ex + "?", "the " + hall[0] + " hall");
            });

    @Override
    public String family() { return "text"; }

    @Override
    public List<String> categories() { return CATEGORIES; }

    @Override
    public String source(String category) { return "template"; }

    /** Number of story frames per condition. */
    public static int frames() {
        return Math.min(BELIEF.size(), PHOTO.size());
    }

    @Override
    public Stimulus generate(String category, int index, int run, long seed) {
        TextItems.check(this, category, index, run);
        SplittableRandom r = new SplittableRandom(seed);
        List<Function<SplittableRandom, Story>> frames = category.equals(FALSE_BELIEF) ? BELIEF : PHOTO;
        // cycle through the frames so every frame is used equally; the seed fills the slots
        int frame = index % frames.size();
        Story s = frames.get(frame).apply(r);
        String[] words = TextItems.words(s.text());
        Map<String, String> attrs = Map.of(
                "frame", Integer.toString(frame),
                "answer", s.answer(),
                "words", Integer.toString(words.length));
        return new Stimulus(TextItems.id(category, index), category, run, null, null, s.text(), attrs,
                Provenance.generated("text/" + getClass().getSimpleName(), seed));
    }
}
