<?php
// Writes posts straight into a test site with WordPress's own functions, much faster than one
// REST request per post. Run through php-cli with the site's prepend file (WORDPRESS_PHP_PREPEND
// in the env file that start.sh writes), which selects the site's config:
//   php -d auto_prepend_file=PREPEND seed.php insert USER < posts.json
//   php -d auto_prepend_file=PREPEND seed.php set-modified USER < changes.json
// USER is the login name the posts are written as: the administrator may post unfiltered HTML,
// as through the REST API, so kses does not alter the content.
//
// insert reads {"posts": [{"title", "content", "status", "categories": [ids], "tags": [ids],
// "date_gmt", "modified_gmt", "slug"}, ...]}. Only title is required. status defaults to
// "publish", which WordPress turns into "future" when date_gmt is later than now. modified_gmt
// defaults to the time of the insert.
// set-modified reads {"posts": [{"id", "modified_gmt"}, ...]} and sets the posts' modified time
// without touching anything else.
// Both print {"posts": [{"id", "slug", "link", "status", "date_gmt", "modified_gmt"}, ...]} in
// the order of the input and exit 1 with a message on stderr at the first post that fails.

if (PHP_SAPI !== 'cli' || $argc !== 3 || !in_array($argv[1], ['insert', 'set-modified'], true)) {
    fwrite(STDERR, "usage: php -d auto_prepend_file=PREPEND seed.php insert|set-modified USER < JSON\n");
    exit(2);
}
[, $command, $login] = $argv;

require_once '/usr/share/wordpress/wp-load.php';

function fail(string $message): void {
    fwrite(STDERR, $message . "\n");
    exit(1);
}

// Validates "YYYY-MM-DDTHH:MM:SS" (the REST API's form, also with a space) and returns the MySQL
// form "YYYY-MM-DD HH:MM:SS".
function mysql_time(string $text, int $index, string $field): string {
    if (!preg_match('/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})$/', $text, $parts)) {
        fail("post $index: $field must look like 2023-01-02T09:00:00, got '$text'");
    }
    return $parts[1] . ' ' . $parts[2];
}

function describe_post(int $id): array {
    $post = get_post($id);
    return [
        'id' => $id,
        'slug' => $post->post_name,
        'link' => get_permalink($post),
        'status' => $post->post_status,
        'date_gmt' => str_replace(' ', 'T', $post->post_date_gmt),
        'modified_gmt' => str_replace(' ', 'T', $post->post_modified_gmt),
    ];
}

function set_modified(int $id, string $modified_gmt): void {
    global $wpdb;
    $updated = $wpdb->update($wpdb->posts, [
        'post_modified_gmt' => $modified_gmt,
        'post_modified' => get_date_from_gmt($modified_gmt),
    ], ['ID' => $id]);
    if ($updated === false) {
        fail("post $id: setting modified_gmt failed: " . $wpdb->last_error);
    }
    clean_post_cache($id);
}

$user = get_user_by('login', $login);
if (!$user) {
    fail("no user with the login name '$login'");
}
wp_set_current_user($user->ID);

$input = json_decode(stream_get_contents(STDIN), true);
if (!is_array($input) || !isset($input['posts']) || !is_array($input['posts'])) {
    fail('standard input must be a JSON object with a "posts" array');
}

$output = [];
if ($command === 'set-modified') {
    foreach ($input['posts'] as $index => $change) {
        $id = (int) ($change['id'] ?? 0);
        if (!get_post($id)) {
            fail("post $index: no post with id $id");
        }
        set_modified($id, mysql_time((string) ($change['modified_gmt'] ?? ''), $index, 'modified_gmt'));
        $output[] = describe_post($id);
    }
    echo json_encode(['posts' => $output]), "\n";
    exit(0);
}

// Counting each term's posts once at the end, not after every post, saves most of the time.
wp_defer_term_counting(true);
foreach ($input['posts'] as $index => $post) {
    if (!isset($post['title']) || !is_string($post['title'])) {
        fail("post $index: title is missing");
    }
    $fields = [
        'post_title' => $post['title'],
        'post_content' => $post['content'] ?? '',
        'post_status' => $post['status'] ?? 'publish',
        'post_type' => 'post',
        'post_author' => $user->ID,
        'post_category' => array_map('intval', $post['categories'] ?? []),
        // Integers are term ids; wp_set_post_tags would take strings as tag names.
        'tags_input' => array_map('intval', $post['tags'] ?? []),
    ];
    if (!empty($post['slug'])) {
        $fields['post_name'] = $post['slug'];
    }
    if (!empty($post['date_gmt'])) {
        $fields['post_date_gmt'] = mysql_time($post['date_gmt'], $index, 'date_gmt');
        $fields['post_date'] = get_date_from_gmt($fields['post_date_gmt']);
    }
    // wp_insert_post strips slashes, as for form input.
    $id = wp_insert_post(wp_slash($fields), true);
    if (is_wp_error($id)) {
        fail("post $index ('{$post['title']}'): " . $id->get_error_message());
    }
    if (!empty($post['modified_gmt'])) {
        set_modified($id, mysql_time($post['modified_gmt'], $index, 'modified_gmt'));
    }
    $output[] = describe_post($id);
}
wp_defer_term_counting(false);

echo json_encode(['posts' => $output]), "\n";
