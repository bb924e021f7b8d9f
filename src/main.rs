fn main() {
    std::process::exit(certdoc::cli::main());
}
