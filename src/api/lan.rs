//! The addresses a link names. A server bound to an unspecified address (`0.0.0.0`,
//! `::`) listens on every interface, but `http://0.0.0.0:4090` means nothing to a phone:
//! the link names this computer's network addresses instead.

use std::net::{IpAddr, SocketAddr};

/// One address of one network interface, as the OS lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterfaceAddr {
    /// The interface's name (`wlan0`, `en0`, `docker0`).
    pub name: String,
    /// Its address.
    pub ip: IpAddr,
}

/// This computer's interface addresses; none when the OS will not list them (the link
/// then names loopback, and the producer can still type the address).
pub fn interfaces() -> Vec<InterfaceAddr> {
    if_addrs::get_if_addrs()
        .map(|list| {
            list.into_iter()
                .filter(|i| i.is_oper_up())
                .map(|i| InterfaceAddr {
                    ip: i.ip(),
                    name: i.name,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The addresses a link may name for a server bound to `bound`, best first: `bound`
/// itself unless it is unspecified; else the interfaces' addresses of a family it
/// listens on (`::` takes IPv4 too, as Linux, macOS and Windows bind it dual-stack by
/// default), leaving out loopback and link-local (an IPv6 link-local address needs a
/// zone no phone browser takes). IPv4 comes first and virtual bridges (containers,
/// virtual machines) last: a phone on the Wi-Fi reaches neither. Loopback when none is
/// left.
pub fn link_addrs(bound: SocketAddr, interfaces: &[InterfaceAddr]) -> Vec<SocketAddr> {
    if !bound.ip().is_unspecified() {
        return vec![bound];
    }
    let wants_v6 = bound.is_ipv6();
    let mut found: Vec<(u8, SocketAddr)> = interfaces
        .iter()
        .filter(|i| !i.ip.is_loopback() && !is_link_local(i.ip))
        .filter(|i| i.ip.is_ipv4() || wants_v6)
        .map(|i| {
            let rank = u8::from(is_virtual(&i.name)) * 2 + u8::from(i.ip.is_ipv6());
            (rank, SocketAddr::new(i.ip, bound.port()))
        })
        .collect();
    // Stable: among equals, the order the OS listed them.
    found.sort_by_key(|(rank, _)| *rank);
    found.dedup_by_key(|(_, addr)| *addr);
    let mut addrs: Vec<SocketAddr> = found.into_iter().map(|(_, addr)| addr).collect();
    if addrs.is_empty() {
        let loopback: IpAddr = if wants_v6 {
            std::net::Ipv6Addr::LOCALHOST.into()
        } else {
            std::net::Ipv4Addr::LOCALHOST.into()
        };
        addrs.push(SocketAddr::new(loopback, bound.port()));
    }
    addrs
}

fn is_link_local(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_link_local(),
        // fe80::/10
        IpAddr::V6(v6) => (v6.segments()[0] & 0xffc0) == 0xfe80,
    }
}

/// Interfaces that are bridges to containers or virtual machines, by the names their
/// tools give them.
fn is_virtual(name: &str) -> bool {
    [
        "docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "podman", "cni", "lxc",
    ]
    .iter()
    .any(|prefix| name.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iface(name: &str, ip: &str) -> InterfaceAddr {
        InterfaceAddr {
            name: name.to_owned(),
            ip: ip.parse().unwrap(),
        }
    }

    fn machine() -> Vec<InterfaceAddr> {
        vec![
            iface("lo", "127.0.0.1"),
            iface("lo", "::1"),
            iface("docker0", "172.17.0.1"),
            iface("wlan0", "fe80::1c2b:3aff:fe4d:5e6f"),
            iface("wlan0", "2001:db8::42"),
            iface("wlan0", "192.168.1.23"),
            iface("eth0", "169.254.10.1"),
        ]
    }

    fn addrs(bound: &str, interfaces: &[InterfaceAddr]) -> Vec<String> {
        link_addrs(bound.parse().unwrap(), interfaces)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_named_address_is_the_one_named() {
        assert_eq!(addrs("127.0.0.1:4090", &machine()), ["127.0.0.1:4090"]);
        assert_eq!(addrs("192.168.1.23:80", &machine()), ["192.168.1.23:80"]);
    }

    #[test]
    fn every_ipv4_address_names_the_wifi_first_then_bridges() {
        assert_eq!(
            addrs("0.0.0.0:4090", &machine()),
            ["192.168.1.23:4090", "172.17.0.1:4090"]
        );
    }

    #[test]
    fn every_address_adds_ipv6_after_ipv4_without_link_local() {
        assert_eq!(
            addrs("[::]:4090", &machine()),
            [
                "192.168.1.23:4090",
                "[2001:db8::42]:4090",
                "172.17.0.1:4090"
            ]
        );
    }

    #[test]
    fn no_network_names_loopback_never_the_unspecified_address() {
        let lonely = [iface("lo", "127.0.0.1"), iface("lo", "::1")];
        assert_eq!(addrs("0.0.0.0:4090", &lonely), ["127.0.0.1:4090"]);
        assert_eq!(addrs("[::]:4090", &[]), ["[::1]:4090"]);
    }
}
