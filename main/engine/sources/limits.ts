/** Upper bounds that stop a corrupt length field from making a reader allocate or wait for gigabytes. */

/**
 * Largest captured length accepted for one packet: 256 KiB, Wireshark's
 * WTAP_MAX_PACKET_SIZE_STANDARD and libpcap's MAXIMUM_SNAPLEN. Anything larger is corruption.
 */
export const MAX_CAPLEN = 262_144;

/**
 * Largest pcapng block accepted: 16 MiB, the limit Wireshark's pcapng reader used before it
 * raised it for D-Bus captures (wiretap/pcapng.c MAX_BLOCK_SIZE). An EPB at MAX_CAPLEN plus
 * generous options fits with room to spare.
 */
export const MAX_BLOCK_LENGTH = 16 * 1024 * 1024;
