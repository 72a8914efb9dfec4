package org.topoomni.stimuli.visual;

import org.topoomni.stimuli.visual.ClipArtLibrary.Source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which openclipart-png folders and files stand for which visual category. Curated by looking
 * at every candidate drawing: road signs, sailing diagrams, padlocks, placeholder images
 * ("linked image not found"), people and cups are kept out of the categories they would blur.
 * Cups, bottles, lamps, phones, cameras, office and kitchen things go to {@code objects} (mixed
 * with the rendered ones) and nowhere else; scissors stay with the tools, chairs with the
 * furniture, shoes with the clothing; hands and feet are left out because {@code bodies} owns
 * them.
 */
final class ClipArtCatalog {
    private ClipArtCatalog() {}

    static Map<String, List<Source>> defaults() {
        Map<String, List<Source>> m = new LinkedHashMap<>();
        m.put("faces", List.of(Source.including("people/*",
                "^(a_happy_boy|a_youngster|adult_astrid|angry_punk|bach_ganson|beethoveo|blue_girl|boy_astrid|"
                        + "happy_woman|head\\d+|handel_ganson|man_face|man_head|manga_girl|profile_01)")));
        m.put("objects", List.of(
                Source.including("food/beverages/**", "^(a_teapot|bottiglia_di_vino|coffee|cuppa|drinking_glass|glass|"
                        + "kubek_herbaty|mug|tazza_di_caffe|teacup|teapot_ganson|teiera_tazza|zielony_kubek|wine_glass|"
                        + "milk_carton|pop_can|bottled_drink|macchina_caffe)"),
                Source.including("office/*", "^(ballpoint_pen|calcolatrice|calculator|clessidra|crayon|cup_rollandin|"
                        + "desk_lamp|eraser|lamp_sergio|mailbox|megaphone|pen_01|pen_pencil|pencil_|picture_frame|"
                        + "pinzatrice|printer1|scotch_rollandin|simple_calculator|stappler|thumbtack|paperclip|lotion|cestino)"),
                Source.including("office/telephone/*", "^(cellular_phone|ip_phone|mobile|phone\\.png|red_telephone|"
                        + "sprint_cell|telephone_receiver|slim_cell)"),
                Source.including("electronics/**", "^(battery|bulb|light_bulb|lightbulb_(brightlit|jon|lit|notlit)|camcorder|"
                        + "camera_(michael|icon)|macchina_fotografica|television|video_cassette|cinepresa|telecamera)"),
                Source.including("containers/*", "^(box_juliane|cardboard_box|closed_box|open_box|paperbag|valigie_bags|cesto)"),
                Source.including("computer/*", "^(crt_monitor|lcd_monitor|mouse_the_structorr|mouse_scroll|joystick|joypad|"
                        + "classic_phone|printer_anton|webcam|notebook1|nikon_coolpix|tv_zazou|pc_speaker|"
                        + "computer_zazou|floppy_frederic)")));
        String notAnimals = "(dead_frogs|crawfish|cymru|dragon|lindworm|tux|penguin|pinguino|ralf_ark|lucchetto|mascot|"
                + "mosquito|punaisa|scorpion|skoynk|tante_orme|tatoo|three_eyes|cani_e_gatti|shaezy|sleeping_bear|"
                + "cat_scratching|emule|elephant_symb|crazy_monkey)";
        m.put("animals", List.of(Source.excluding("animals/*", notAnimals),
                Source.excluding("animals/mammals/**", notAnimals),
                Source.excluding("animals/dinosaurs/*", notAnimals),
                Source.excluding("animals/amphibian/*", notAnimals)));
        m.put("birds", List.of(Source.excluding("animals/birds/**",
                "(tux|contour_bat|duck_yellow_ii|manager_mimooh|mirjam_meijer|stormo|turkey_on_platter|wing_mitchell|"
                        + "simbolo_egizio)")));
        m.put("insects", List.of(Source.excluding("animals/bugs/*", "(virus|mostriciattolo|lumaca)")));
        String vehicles = "^(ambulans|autos_|big_truck|bike_|bicycle|bicicletta|blazer|bmw|boat_jarno|bus1|bus2|bus_01|"
                + "car_jamin|car\\.png|car_ride|dodge|fire_engine|formula_one|hummer_0|m1_abrams|motorcycle|old_car|"
                + "old_truck|pallone|plane_in_the_sky|plane_silhouet|aircraft|airplane_nicu|military_airplane|"
                + "departing_plane|redcar|road_runner|sportcar|skoda|small_truck|toyota|tram\\.png|truck_|"
                + "1989_chevrolet|_chevrolet|4wd|trattore|trawler|vtt_|sailboat_illustr)";
        m.put("vehicles", List.of(Source.including("transportation/*", vehicles),
                Source.including("transportation/vehicles/*", vehicles),
                Source.including("transportation/boating/*", vehicles)));
        String notFood = "(chef|come_si_dispongono|baby_bottle|juice_box|juice_glass|kallisti|straw_tote|tree_whit_fruits|"
                + "large_plate|small_plate|libro_di_ricette|meatgrinder|frying_pan|fuoco_da_campeggio|mix_cucina|toque|"
                + "sugarbox|gumnut|tile_orange|slate-apple|picnic|what_s_up_doc|fruitcollection|bread_and_wine)";
        m.put("food", List.of(Source.excluding("food/*", notFood), Source.excluding("food/fruit/*", notFood),
                Source.excluding("food/desserts/*", notFood), Source.excluding("food/breads_and_carbs/*", notFood),
                Source.excluding("food/meats_and_eggs/*", notFood), Source.excluding("food/vegetables/*", notFood),
                Source.excluding("food/dairy/*", notFood)));
        m.put("tools", List.of(Source.including("tools/*",
                        "^(axe_peterm|blacksmith_anvil|blacksmith_hammer|brush_roller|bypasslopper|construction_hammer|"
                                + "cultivator|drill_peterm|hammer_|hedgeshear|leafrake|livella|nail_puller|paint_brush|"
                                + "paint_roller_gerald|roundpointshovel|saw_peterm|scissors|screwdriver|simple_shovel|spaclu|"
                                + "tool\\.png|tools_nicu|trowel|utensile_sega|utensili_chiave|viti_|wooden_mallot|wrench)"),
                Source.including("plants/trees/*", "^(bowsaw|bypasspruner)")));
        m.put("buildings", List.of(
                Source.excluding("buildings/*", "(brick|capitello|demolizione|old_sign|school_hallway|wall|city_horizon|houses_jon_phillips)"),
                Source.of("buildings/homes/*")));
        m.put("plants", List.of(Source.including("plants/*",
                        "^(albero|arbre_modern|bamboo|cactus|cacuts|fall_coloured|leaf_01|olivier|palmtree|reed|shamrock|"
                                + "tree|island_palm)"),
                Source.including("plants/trees/**",
                        "^(cartoon_tree|christmas_tree|lightly_decorated|plain_tree|simple_evergreen|tree|fern|"
                                + "palmtree|fall_coloured)")));
        m.put("flowers", List.of(Source.excluding("plants/flowers/*", "(cactus|cartoon_tree)"),
                Source.including("plants/*", "^(daffodil|flowers_jonathan|magnolia|sakura|simple_five|sun_flower|tulips)")));
        m.put("instruments", List.of(Source.including("recreation/music/*",
                "^(africandrum|bass_guitar|cello|derbouk|djambf|drums|electric_guitar|flute|french_horn|guitar|harp|"
                        + "maracas|mountain_dulcimer|oboe|piano_geraint|saxophone|tenor_trombone|trumpet_(b_flat|herald|pocket)|"
                        + "violin|xylophone)")));
        m.put("clothing", List.of(Source.excluding("people/clothing/**",
                        "(pantyhose|jewelry|earring|gold_chain|wedding_rings|crown|magic_hat|feet_in_sandals|tote|"
                                + "jacob_leisler)"),
                Source.including("recreation/sports/*", "^(tennis_shoe|baseball_cap)")));
        m.put("sports", List.of(Source.including("recreation/sports/*",
                "^(8_ball|8ball|9_ball|9ball|anelli|badminton|baseball_anthony|baseball_bat|baseball_bw|baseball_glove|"
                        + "basebalm|blowling|cricket_bat|dartboard|flaming_soccer|football_ball|football_helmet|golf_flag|"
                        + "handball|rugby|soccer_ball|surfboard|table_tennis|target_with_arrow|tennis_racket|volley)")));
        return m;
    }
}
