<?php
// Installs WordPress into the empty database named by the site's config, then creates the
// administrator's application password. Run by start.sh through php-cli with the site's
// prepend file, which selects the config and the site URL:
//   php -d auto_prepend_file=DIR/prepend.php install.php USER PASSWORD EMAIL
// Prints one JSON object: {"user_id": N, "application_password": "..."}.

if (PHP_SAPI !== 'cli' || $argc !== 4) {
    fwrite(STDERR, "usage: php -d auto_prepend_file=PREPEND install.php USER PASSWORD EMAIL\n");
    exit(2);
}
[, $user, $password, $email] = $argv;

// wp_install() expects the installer's context: no cache, no redirect to install.php.
define('WP_INSTALLING', true);
require_once '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

// The machine has no mail transport; do not try to send the "new site" mail.
add_filter('pre_wp_mail', '__return_false');
// Pretty permalinks as most blogs use them, set here because wp_install() would otherwise probe
// each structure with an HTTP request to the site.
$permalinks = '/%year%/%monthnum%/%day%/%postname%/';
$report_permalinks = static fn() => $permalinks;
add_filter('pre_option_permalink_structure', $report_permalinks);
$installed = wp_install('wodetl test site', $user, $email, false, '', wp_slash($password));
remove_filter('pre_option_permalink_structure', $report_permalinks);
$user_id = (int) $installed['user_id'];
if ($user_id < 1) {
    fwrite(STDERR, "wp_install did not create the administrator\n");
    exit(1);
}
// A soft flush: a hard one could write the .htaccess file that Debian links to /etc/wordpress.
$wp_rewrite->set_permalink_structure($permalinks);
flush_rewrite_rules(false);

$created = WP_Application_Passwords::create_new_application_password(
    $user_id, ['name' => 'wodetl tests']);
if (is_wp_error($created)) {
    fwrite(STDERR, 'creating the application password failed: '
        . $created->get_error_message() . "\n");
    exit(1);
}
$application_password = $created[0];

echo json_encode(['user_id' => $user_id, 'application_password' => $application_password]), "\n";
